#include "kiosk/translator.h"

#include <algorithm>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <cctype>
#include <climits>
#include <filesystem>
#include <locale>

namespace oneservice::kiosk {

namespace {

using MessageFormat = boost::locale::message_format<char>;

// The language and council names become parts of a path: letters, digits,
// "-" and "_" only, so a configured name cannot point anywhere else.
bool is_plain_name(const std::string& name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// One domain's messages, owned by a std::locale (facets are reference counted
// by the locales holding them). Loaded one domain at a time so an error can
// name the file at fault.
std::locale load_domain(const std::string& language, const std::string& locale_dir, const std::string& domain) {
  const auto file = std::filesystem::path(locale_dir) / language / "LC_MESSAGES" / (domain + ".mo");
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(file, ignored))
    throw TranslationError("no translation file " + file.string() +
                           " (the build compiles it from the domain's " + language + ".po)");
  boost::locale::gnu_gettext::messages_info info;
  info.language = language;
  info.encoding = "UTF-8";
  info.paths = {locale_dir};
  info.domains = {boost::locale::gnu_gettext::messages_info::domain(domain)};
  try {
    return std::locale(std::locale::classic(), boost::locale::gnu_gettext::create_messages_facet<char>(info));
  } catch (const std::exception& error) {
    throw TranslationError("cannot read translation file " + file.string() + ": " + error.what());
  }
}

// Each locale holds one domain, so its domain id is 0; a null context is
// "no msgctxt" (an empty one would not match). nullptr: no
// translation (or no such plural message) in that domain.
const char* find(const std::locale& domain, const char* msgid) {
  return std::use_facet<MessageFormat>(domain).get(0, nullptr, msgid);
}

const char* find_plural(const std::locale& domain, const char* singular, int n) {
  return std::use_facet<MessageFormat>(domain).get(0, nullptr, singular, n);
}

}  // namespace

struct Translator::Messages {
  std::locale kiosk;
  std::locale council;
};

Translator::Translator(const std::string& language, const std::string& locale_dir, const std::string& council)
    : language_(language) {
  if (language == "en") return;
  if (!is_plain_name(language)) throw TranslationError("\"" + language + "\" is not a language name, like cy");
  if (!is_plain_name(council)) throw TranslationError("\"" + council + "\" is not a council folder name");
  messages_ = std::make_shared<const Messages>(
      Messages{load_domain(language, locale_dir, kKioskDomain), load_domain(language, locale_dir, council)});
}

std::string Translator::tr(const char* msgid) const {
  // msgid "" is the catalogue's header in gettext, never a translation.
  if (!messages_ || !*msgid) return msgid;
  const char* found = find(messages_->kiosk, msgid);
  return found ? found : msgid;
}

std::string Translator::trn(const char* singular, const char* plural, long n) const {
  if (messages_) {
    // The plural rules only single out small numbers; beyond int's range any
    // large number picks the same form.
    const int count = static_cast<int>(std::clamp<long>(n, INT_MIN, INT_MAX));
    if (const char* found = find_plural(messages_->kiosk, singular, count)) return found;
  }
  return n == 1 ? singular : plural;
}

std::string Translator::catalogue(const std::string& english) const {
  if (!messages_ || english.empty()) return english;
  const char* found = find(messages_->council, english.c_str());
  return found ? found : english;
}

Wording Translator::wording() const {
  return Wording([translator = *this](const std::string& msgid) { return translator.tr(msgid.c_str()); });
}

std::string default_locale_dir() { return ONESERVICE_LOCALE_DIR; }

LoadedTranslator load_translator(const std::string& language, const std::string& locale_dir,
                                 const std::string& council) {
  try {
    return {Translator(language, locale_dir, council), ""};
  } catch (const TranslationError& error) {
    return {Translator(), "showing English instead of \"" + language + "\": " + error.what()};
  }
}

}  // namespace oneservice::kiosk
