#include "shared/prepare.h"

#include "shared/identity.h"
#include "shared/text.h"

namespace oneservice {

Prepared prepare_request(const Catalogue& catalogue, ServiceRequest request, TimePoint now,
                         const Wording& wording, std::size_t description_max) {
  if (request.client_id.empty()) request.client_id = make_uuid_v4();
  if (request.created_at.empty()) request.created_at = format_utc(now);
  if (request.catalogue_version.empty()) request.catalogue_version = catalogue.changeset;
  Prepared out;
  if (!is_uuid(request.client_id)) {
    out.errors.push_back(
        {"client_id", Problem::BadCharacters,
         say(wording, gettext_noop("The client id must be a UUID, like 3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f"))});
  }
  if (!parse_iso8601(request.created_at)) {
    out.errors.push_back(
        {"created_at", Problem::NotADate,
         say(wording, gettext_noop("Created time must be a real date and time, like 2026-11-22T14:03:00Z"))});
  }
  for (auto& [code, value] : request.answers)
    if (auto* text = std::get_if<std::string>(&value)) *text = trim(*text);
  auto errors = validate_request(catalogue, request, now, wording, description_max);
  out.errors.insert(out.errors.end(), errors.begin(), errors.end());
  if (const auto* service = catalogue.find_service(request.service_code)) {
    // Unknown codes were reported above; prune only what is legitimately unasked.
    bool unknown = false;
    for (const auto& error : out.errors) unknown = unknown || error.problem == Problem::UnknownQuestion;
    if (!unknown) request.answers = prune_answers(*service, request.answers);
  }
  out.request = std::move(request);
  return out;
}

}  // namespace oneservice
