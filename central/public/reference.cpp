#include "central/public/reference.h"

#include <cctype>
#include <string_view>

namespace oneservice::central::public_pages {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Crockford's reading of look-alikes.
char read_symbol(char c) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (c == 'I' || c == 'L') return '1';
  if (c == 'O') return '0';
  return c;
}

}  // namespace

std::optional<Reference> read_reference(const std::string& typed) {
  std::string compact;
  for (const char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
    compact += c;
    if (compact.size() > 32) return std::nullopt;
  }
  if (compact.empty()) return std::nullopt;
  bool digits = true;
  for (const char c : compact) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  if (digits) {
    if (compact[0] == '0' || compact.size() > 18) return std::nullopt;
    return Reference{Reference::Kind::Council, compact};
  }
  if (compact.size() != 10 || std::toupper(static_cast<unsigned char>(compact[0])) != 'O' ||
      std::toupper(static_cast<unsigned char>(compact[1])) != 'S')
    return std::nullopt;
  std::string code;
  for (std::size_t i = 2; i < compact.size(); ++i) {
    const char symbol = read_symbol(compact[i]);
    if (kAlphabet.find(symbol) == std::string_view::npos) return std::nullopt;
    code += symbol;
  }
  return Reference{Reference::Kind::Device, "OS-" + code.substr(0, 4) + "-" + code.substr(4)};
}

}  // namespace oneservice::central::public_pages
