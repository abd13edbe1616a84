// What a visitor sends central's public pages (issue 16): a reference as
// typed (read_reference), an Accept-Language header (choose_language) and a
// Cookie header (resident_cookie), each the input cut at its NUL bytes.
// A reference read is either a council id or OS-XXXX-XXXX in Crockford's
// alphabet, and reads back as itself; the language is one central speaks;
// the cookie's value never holds a separator.
#include <cstdlib>
#include <string_view>

#include "central/i18n/language_choice.h"
#include "central/public/reference.h"
#include "central/public/resident_cookie.h"
#include "fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice::central;
  auto rest = oneservice::fuzz::as_text(data, size);
  const auto typed = oneservice::fuzz::take_part(rest);
  const auto accept_language = oneservice::fuzz::take_part(rest);
  const auto cookie = oneservice::fuzz::take_part(rest);

  if (const auto reference = public_pages::read_reference(typed)) {
    const auto& text = reference->text;
    if (reference->kind == public_pages::Reference::Kind::Device) {
      constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
      if (text.size() != 12 || text.rfind("OS-", 0) != 0 || text[7] != '-') std::abort();
      for (const std::size_t i : {3, 4, 5, 6, 8, 9, 10, 11})
        if (alphabet.find(text[i]) == std::string_view::npos) std::abort();
    } else if (text.empty() || text[0] == '0' || text.find_first_not_of("0123456789") != std::string::npos) {
      std::abort();
    }
    const auto again = public_pages::read_reference(text);
    if (!again || again->text != text || again->kind != reference->kind) std::abort();
  }

  const auto language = i18n::choose_language(typed, accept_language);
  bool known = false;
  for (const auto& each : i18n::languages()) known = known || each == language;
  if (!known) std::abort();

  if (public_pages::resident_cookie(cookie).find(';') != std::string::npos) std::abort();
  return 0;
}
