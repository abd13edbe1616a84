#pragma once
// The resident's language. Every word the kiosk shows comes from here: its
// own words (domain "oneservice": assets/po/<language>.po) and the council's
// catalogue (the council's domain: assets/<council>/po/<language>.po). The
// build compiles those to <locale_dir>/<language>/LC_MESSAGES/<domain>.mo
// (msgfmt --check). English is the source language: its msgids are the
// English words, so English needs no files and a string not yet translated
// shows in English rather than blank.
//
// Boost.Locale reads the .mo files directly (gnu_gettext), so no system
// locale needs to be installed: a kiosk with only C.UTF-8 speaks Welsh.
// Patterns with placeholders are filled with format() from shared/wording.h:
//   format(t.trn("{count} request waiting to send", "{count} requests waiting to send", n),
//          {{"count", std::to_string(n)}})
#include <memory>
#include <stdexcept>
#include <string>

#include "shared/wording.h"

namespace oneservice::kiosk {

inline constexpr const char* kKioskDomain = "oneservice";

// A translation file that is missing or cannot be read; the message names it.
class TranslationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Translator {
 public:
  // English: every call gives back its msgid.
  Translator() = default;
  // language is "en" or one with files ("cy"); council is the council's
  // domain (its folder under assets/, like "demo-council"). Throws
  // TranslationError when either domain's file is missing or broken.
  Translator(const std::string& language, const std::string& locale_dir, const std::string& council);

  // The kiosk's own words.
  std::string tr(const char* msgid) const;
  // The form for n: English has two, Welsh six (zero, one, two, three, six,
  // other). n is also what {count} should be filled with.
  std::string trn(const char* singular, const char* plural, long n) const;
  // One of the council's catalogue strings, given in English.
  std::string catalogue(const std::string& english) const;
  const std::string& language() const { return language_; }
  // For shared/ validation messages: translates in the kiosk's domain. Holds
  // its own copy of the translations, so it may outlive this Translator.
  Wording wording() const;

 private:
  struct Messages;
  std::string language_ = "en";
  std::shared_ptr<const Messages> messages_;  // null for English
};

// The build's compiled translations (ONESERVICE_LOCALE_DIR).
std::string default_locale_dir();

struct LoadedTranslator {
  Translator translator;
  std::string problem;  // empty, or why it is English: for the operator log, never a resident
};

// The translator for language, or English and the reason when its files are
// missing or broken: a resident always gets a working kiosk.
LoadedTranslator load_translator(const std::string& language, const std::string& locale_dir,
                                 const std::string& council);

}  // namespace oneservice::kiosk
