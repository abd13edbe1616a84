#include "central/i18n/translator.h"

#include <algorithm>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <climits>
#include <filesystem>
#include <locale>
#include <stdexcept>


namespace oneservice::central::i18n {
namespace {

using MessageFormat = boost::locale::message_format<char>;

std::locale load_domain(const std::string& language, const std::string& locale_dir, const std::string& domain) {
  const auto file = std::filesystem::path(locale_dir) / language / "LC_MESSAGES" / (domain + ".mo");
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(file, ignored))
    throw std::runtime_error("no translation file " + file.string());
  boost::locale::gnu_gettext::messages_info info;
  info.language = language;
  info.encoding = "UTF-8";
  info.paths = {locale_dir};
  info.domains = {boost::locale::gnu_gettext::messages_info::domain(domain)};
  try {
    return std::locale(std::locale::classic(), boost::locale::gnu_gettext::create_messages_facet<char>(info));
  } catch (const std::exception& error) {
    throw std::runtime_error("cannot read translation file " + file.string() + ": " + error.what());
  }
}

}  // namespace

struct Translator::Messages {
  std::locale central;
  std::locale council;
};

Translator::Translator(const std::string& language, const std::string& locale_dir, const std::string& council)
    : language_(language) {
  if (language == "en") return;
  messages_ = std::make_shared<const Messages>(
      Messages{load_domain(language, locale_dir, kCentralDomain), load_domain(language, locale_dir, council)});
}

std::string Translator::tr(const char* msgid) const {
  if (!messages_ || !*msgid) return msgid;
  const char* found = std::use_facet<MessageFormat>(messages_->central).get(0, nullptr, msgid);
  return found ? found : msgid;
}

std::string Translator::trn(const char* singular, const char* plural, long n) const {
  if (messages_) {
    const int count = static_cast<int>(std::clamp<long>(n, INT_MIN, INT_MAX));
    if (const char* found = std::use_facet<MessageFormat>(messages_->central).get(0, nullptr, singular, count))
      return found;
  }
  return n == 1 ? singular : plural;
}

std::string Translator::council(const std::string& english) const {
  if (!messages_ || english.empty()) return english;
  const char* found = std::use_facet<MessageFormat>(messages_->council).get(0, nullptr, english.c_str());
  return found ? found : english;
}

Translators::Translators(const std::string& locale_dir, const std::string& council) {
  for (const auto& language : languages()) {
    try {
      all_.emplace_back(language, locale_dir, council);
    } catch (const std::runtime_error& error) {
      problems_.push_back("pages and emails in \"" + language + "\" are in English: " + error.what());
    }
  }
}

const Translator& Translators::get(const std::string& language) const {
  for (const auto& each : all_)
    if (each.language() == language) return each;
  return all_.front();
}

}  // namespace oneservice::central::i18n
