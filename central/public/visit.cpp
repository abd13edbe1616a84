#include "central/public/visit.h"

#include <algorithm>

namespace oneservice::central::public_pages {

PageParts page_parts(const Site& site, const Visit& visit, std::string title) {
  PageParts parts;
  parts.title = std::move(title);
  parts.council_name = visit.t.council(site.catalogue.council_name);
  for (const auto& language : i18n::languages())
    if (language != visit.t.language())
      parts.other_languages.push_back({language, with_language(visit.path, visit.params, language)});
  return parts;
}

PublicArea public_area(const Site& site, const std::optional<double>& lat, const std::optional<double>& lon,
                       const std::string& responsible_area_id) {
  if (lat && lon)
    if (const auto* district = site.boundaries.area_at(*lat, *lon, "district")) return {district->id, district->name};
  if (const auto* area = site.boundaries.find(responsible_area_id)) return {area->id, area->name};
  return {};
}

std::string service_name(const Site& site, const i18n::Translator& t, const std::string& service_code) {
  const auto* service = site.catalogue.find_service(service_code);
  return service ? t.council(service->service_name) : service_code;
}

bool is_public_service(const Site& site, const std::string& service_code) {
  const auto* service = site.catalogue.find_service(service_code);
  if (!service) return true;
  return std::find(service->keywords.begin(), service->keywords.end(), "private") == service->keywords.end();
}

}  // namespace oneservice::central::public_pages
