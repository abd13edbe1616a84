#pragma once
// The words central's public pages and emails show, in the resident's
// language. Two gettext domains: central's own ("oneservice-central",
// central/i18n/po/<language>.po) and the council's catalogue (service and
// body names, assets/<council>/po/<language>.po), both compiled by the build
// into <locale_dir>/<language>/LC_MESSAGES/ and read with Boost.Locale (no
// system locale needed). English is the source language: its msgids are the
// English words, so English needs no files.
//
// Patterns with placeholders are filled with format() (shared/wording.h).
#include <memory>
#include <string>
#include <vector>

#include "central/i18n/language_choice.h"

namespace oneservice::central::i18n {

inline constexpr const char* kCentralDomain = "oneservice-central";


class Translator {
 public:
  Translator() = default;  // English
  // Throws std::runtime_error naming the file when a domain's file is
  // missing or cannot be read.
  Translator(const std::string& language, const std::string& locale_dir, const std::string& council);

  std::string tr(const char* msgid) const;
  std::string trn(const char* singular, const char* plural, long n) const;
  // One of the council's own strings (a service or body name), in English.
  std::string council(const std::string& english) const;
  const std::string& language() const { return language_; }

 private:
  struct Messages;
  std::string language_ = "en";
  std::shared_ptr<const Messages> messages_;
};

// One translator per language, loaded once at start and shared by every
// request (Translator is immutable and thread-safe). A language whose files
// cannot be read is answered in English, and problems() says why: Open311
// and the pages keep working while the operator mends the install.
class Translators {
 public:
  Translators(const std::string& locale_dir, const std::string& council);
  const Translator& get(const std::string& language) const;  // English for any other
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<Translator> all_;
  std::vector<std::string> problems_;
};

}  // namespace oneservice::central::i18n
