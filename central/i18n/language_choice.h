#pragma once
// Which of central's languages to answer a visitor in (no translation
// library here: the fuzz target and the intake use it alone).
#include <string>
#include <vector>

namespace oneservice::central::i18n {

// The languages central speaks, English first.
const std::vector<std::string>& languages();

// The language to answer in: ?lang= when it is one we speak, else the first
// of Accept-Language's (by q) we speak, else English.
std::string choose_language(const std::string& lang_param, const std::string& accept_language);

}  // namespace oneservice::central::i18n
