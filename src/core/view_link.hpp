// Links to client views: the part after '#' of the app's address (a fragment never reaches a server).
//
//   Self-contained:  https://plotline.example/#view=1.<base64url of the gzip view>
//                    the snapshot itself, offered while the whole link stays within kMaxLinkChars
//   Published:       https://plotline.example/#share=1.<base64url of the view's address>.<base64url of the key>
//                    the view is on the producer's sync server, sealed with AES-256-GCM under a key
//                    that only the link carries: the server stores bytes it cannot read
//
// The compression and the sealing are the platform's (Host::codec: CompressionStream and WebCrypto in
// the browser, zlib and OpenSSL natively); this file is the pure part: the text a link carries, the
// fragment's form, the sealed file's form and every sentence a viewer says about a bad link.
//
//   std::string text = linkViewText(view);                     // compact, ids renumbered
//   host.codec(Codec::Gzip, text, "", [&](Result<std::string> gz) { link = appUrl + "#" + snapshotFragment(*gz); });
//   Result<ViewLink> l = parseViewLink(location.hash);          // then gunzip, or fetch + unseal + gunzip
#pragma once
#include "client_view.hpp"
#include "result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace plotline {

// The longest self-contained link offered. Browsers take far longer fragments (Chromium 2 MB,
// Firefox 1 MB, Safari more than 80 000 characters), but links also travel through mail, chat and
// ticket systems: RFC 9110 asks every sender and recipient to support at least 8000 octets, the
// length mail and chat clients are known to carry whole. Longer views go as published links.
constexpr size_t kMaxLinkChars = 8000;

std::string base64url(std::string_view bytes); // no padding
std::optional<std::string> fromBase64url(std::string_view text);

// The view as links carry it: ids renumbered 1, 2, 3… (random ids do not compress, and a view needs
// them only to tie its tasks, links and people together), written compact.
std::string linkViewText(const ClientView& v);

struct ViewLink {
    enum class Kind { Snapshot, Published } kind = Kind::Snapshot;
    std::string data; // Snapshot: the gzip bytes of the view
    std::string url;  // Published: where the sealed view is
    std::string key;  // Published: the 32-byte AES key
};
std::string snapshotFragment(std::string_view gzip);
std::string publishedFragment(const std::string& url, std::string_view key);
// The fragment of an address ("#view=…", "view=…" or a whole URL); an error is the sentence to show.
// An address without a view fragment is no error: Kind is then not set (see isViewLink).
bool isViewLink(std::string_view address);
Result<ViewLink> parseViewLink(std::string_view address);
// The page's address without its fragment (what a new link starts with).
std::string appAddress(std::string_view pageUrl);

// A published view on the server: kSealedMagic, then the 12-byte IV, the ciphertext and the 16-byte
// tag (WebCrypto's AES-GCM output) of the gzip view.
constexpr std::string_view kSealedMagic = "PLV1";
// "" when the bytes are a sealed view of this version, else the sentence to show.
std::string checkSealed(std::string_view bytes);

// The view a link opened: read from its text, refused when it expired before `today`.
Result<ClientView> openLinkView(std::string_view text, Date today);

// What a viewer says (one sentence each).
namespace linkText {
inline constexpr const char* kIncomplete =
    "This link is incomplete: part of it was lost on the way (mail and chat programs sometimes cut long links). Ask the sender for it again.";
inline constexpr const char* kTampered =
    "This view does not match its link: the link or the stored view was changed, so it is not shown. Ask the sender for the link again.";
inline constexpr const char* kNewer = "This view was made by a newer Plotline: reload the page to update it, then open the link again.";
inline constexpr const char* kWithdrawn = "This view was withdrawn by its owner.";
inline constexpr const char* kNotAView = "This link does not hold a Plotline view.";
} // namespace linkText
std::string expiredText(Date expired);
std::string unreachableText(std::string_view why);

} // namespace plotline
