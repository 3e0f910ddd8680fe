// The link codec natively: gzip with zlib, AES-256-GCM with OpenSSL's libcrypto, byte for byte what
// the browser's CompressionStream and WebCrypto make and read (a link made here opens there).
#pragma once
#include "app/host.hpp"

namespace plotline {

Result<std::string> runCodec(Codec op, std::string_view data, std::string_view key);
// Cryptographically random bytes (keys, IVs, names).
std::string randomBytes(size_t n);

} // namespace plotline
