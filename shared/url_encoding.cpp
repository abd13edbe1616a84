#include "shared/url_encoding.h"

namespace oneservice {

void append_url_encoded(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  // Runs of unreserved characters are copied whole: the drain encodes
  // every field of every request, and a character at a time was a few
  // percent of the device's CPU.
  const char* run = text.data();
  const char* const end = text.data() + text.size();
  for (const char* p = run; p != end; ++p) {
    const char c = *p;
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) continue;
    out.append(run, p);
    const auto byte = static_cast<unsigned char>(c);
    const char escaped[3] = {'%', hex[byte >> 4], hex[byte & 0x0F]};
    out.append(escaped, 3);
    run = p + 1;
  }
  out.append(run, end);
}

std::string url_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  append_url_encoded(out, text);
  return out;
}

}  // namespace oneservice
