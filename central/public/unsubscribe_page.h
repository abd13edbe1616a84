#pragma once
// The link at the foot of every email. GET shows one button (a link alone
// must not stop anything: mail scanners open links); POST stops the emails
// about that case, and is also what a mail program sends for RFC 8058's
// one-click List-Unsubscribe. Either way the page says so in the
// resident's language.
#include <string>

#include "central/public/visit.h"

namespace oneservice::central::public_pages {

Answer unsubscribe_page(const Site& site, const Visit& visit, const std::string& token);
Answer unsubscribe(const Site& site, const Visit& visit, const std::string& token);

}  // namespace oneservice::central::public_pages
