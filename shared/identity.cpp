#include "shared/identity.h"

#include <array>
#include <cstdint>
#include <random>

namespace oneservice {

std::string make_uuid_v4() {
  // std::random_device reads the kernel's CSPRNG on Linux (getrandom).
  std::random_device source;
  std::array<std::uint8_t, 16> bytes{};
  for (auto& byte : bytes) byte = static_cast<std::uint8_t>(source() & 0xFF);
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 0x0F];
  }
  return out;
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

std::string local_reference(std::string_view client_id) {
  // FNV-1a over the id, then 40 bits in base32: 8 characters. Two of a
  // device's first thousand requests share one about once in two million
  // devices; the outbox refuses the clash and the device makes a new id.
  std::uint64_t hash = 1469598103934665603ULL;
  for (const char c : client_id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string code;
  for (int i = 0; i < 8; ++i) {
    code += alphabet[hash & 31];
    hash >>= 5;
  }
  return "OS-" + code.substr(0, 4) + "-" + code.substr(4, 4);
}

}  // namespace oneservice
