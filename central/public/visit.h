#pragma once
// One visitor's request to a public page: the language chosen for them and
// what is needed to link to the same page in the other languages.
#include <string>
#include <utility>
#include <vector>

#include "central/i18n/translator.h"
#include "central/public/html.h"
#include "central/public/site.h"

namespace oneservice::central::public_pages {

struct Visit {
  const i18n::Translator& t;
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;  // the query as sent, lang left out
  std::string base_url;  // "http://127.0.0.1:8311": for absolute links (feeds)
};

struct Answer {
  Answer(int status_in, std::string body_in, std::string type = "text/html; charset=utf-8")
      : status(status_in), body(std::move(body_in)), content_type(std::move(type)) {}
  int status = 200;
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Location...
  bool personal = false;  // for one signed-in resident: never cached
};

// The parts every page shares: the council's name and the language links.
PageParts page_parts(const Site& site, const Visit& visit, std::string title);

// The area a case is in for the public: the district at its point, else
// the body dealing with it. Empty id when neither is known.
struct PublicArea {
  std::string id, name;  // name in English, as the boundary data has it
};
PublicArea public_area(const Site& site, const std::optional<double>& lat, const std::optional<double>& lon,
                       const std::string& responsible_area_id);

// A service's name for the public, translated; the code when unknown.
std::string service_name(const Site& site, const i18n::Translator& t, const std::string& service_code);
// Services the council marks private (Open311's "private" keyword) are
// never on a public list, feed or file.
bool is_public_service(const Site& site, const std::string& service_code);

}  // namespace oneservice::central::public_pages
