#include "codec.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <zlib.h>

#include <memory>

namespace plotline {

namespace {

Result<std::string> deflateGzip(std::string_view in) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return fail("gzip: could not start");
    std::string out(deflateBound(&z, uLong(in.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return fail("gzip: could not compress");
    return out;
}

Result<std::string> inflateGzip(std::string_view in) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return fail("gunzip: could not start");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = uInt(in.size());
    std::string out;
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
        if (out.size() > (size_t(256) << 20)) rc = Z_MEM_ERROR;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) return fail("the compressed data is cut off or damaged");
    return out;
}

using Ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Result<std::string> seal(std::string_view plain, std::string_view key) {
    if (key.size() != 32) return fail("the key is not 256 bits");
    std::string out = randomBytes(12);
    Ctx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int n = 0;
    std::string body(plain.size() + 16, '\0');
    if (!EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                            reinterpret_cast<const unsigned char*>(out.data())) ||
        !EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(body.data()), &n, reinterpret_cast<const unsigned char*>(plain.data()), int(plain.size())))
        return fail("could not encrypt");
    int m = 0;
    if (!EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(body.data()) + n, &m)) return fail("could not encrypt");
    body.resize(size_t(n + m));
    unsigned char tag[16];
    if (!EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag)) return fail("could not encrypt");
    out += body;
    out.append(reinterpret_cast<const char*>(tag), 16);
    return out;
}

Result<std::string> open(std::string_view sealed, std::string_view key) {
    if (key.size() != 32) return fail("the key is not 256 bits");
    if (sealed.size() < 28) return fail("too short to be sealed");
    const std::string_view iv = sealed.substr(0, 12), body = sealed.substr(12, sealed.size() - 28), tag = sealed.substr(sealed.size() - 16);
    Ctx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string out(body.size() + 16, '\0');
    int n = 0, m = 0;
    if (!EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                            reinterpret_cast<const unsigned char*>(iv.data())) ||
        !EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n, reinterpret_cast<const unsigned char*>(body.data()), int(body.size())) ||
        !EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, const_cast<char*>(tag.data())) ||
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &m) <= 0)
        return fail("the tag does not match");
    out.resize(size_t(n + m));
    return out;
}

} // namespace

std::string randomBytes(size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), int(n)) != 1) std::abort();
    return out;
}

Result<std::string> runCodec(Codec op, std::string_view data, std::string_view key) {
    switch (op) {
    case Codec::Gzip: return deflateGzip(data);
    case Codec::Gunzip: return inflateGzip(data);
    case Codec::Seal: return seal(data, key);
    case Codec::Open: return open(data, key);
    }
    return fail("unknown codec");
}

} // namespace plotline
