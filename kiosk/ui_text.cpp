// The words of the interface: the resident's language when a translator is
// set, the English msgid otherwise (a context drawn before translations
// load, or in a test that needs none).
#include <string>

#include "kiosk/translator.h"
#include "kiosk/widgets.h"

namespace oneservice::kiosk::ui {

std::string Context::tr(const char* msgid) const { return translator ? translator->tr(msgid) : msgid; }

std::string Context::trn(const char* singular, const char* plural, long n) const {
  if (translator) return translator->trn(singular, plural, n);
  return n == 1 ? singular : plural;
}

const std::string& Context::language() const {
  static const std::string english = "en";
  return translator ? translator->language() : english;
}

}  // namespace oneservice::kiosk::ui
