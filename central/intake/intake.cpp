#include "central/intake/intake.h"

#include "central/intake/limits.h"
#include "central/intake/media_links.h"
#include "central/intake/messages.h"
#include "central/intake/pending_photos.h"
#include "central/intake/provenance_rules.h"
#include "central/staff_messages.h"
#include "central/intake/photo_rules.h"
#include "shared/identity.h"
#include "shared/media_type.h"
#include "shared/prepare.h"
#include "shared/request_json.h"

namespace oneservice::central {
namespace {

using messages::kKeyReused;

IntakeResult failed(IntakeOutcome outcome, std::vector<std::string> messages) {
  IntakeResult result;
  result.outcome = outcome;
  result.messages = std::move(messages);
  return result;
}

}  // namespace

Intake::Intake(CaseStore& store, const Catalogue& catalogue, const Boundaries& boundaries, Clock clock)
    : store_(store), catalogue_(catalogue), boundaries_(boundaries), clock_(std::move(clock)) {}

IntakeResult Intake::receive(Submission submission) const {
  const auto device = submission.api_key.empty() ? std::nullopt : store_.authenticate(submission.api_key);
  if (!device)
    return failed(IntakeOutcome::NotAllowed, {messages::kBadKey});
  if (!submission.problems.empty()) return failed(IntakeOutcome::Refused, std::move(submission.problems));
  // Who made it. A session that has since expired or ended still names its
  // member of staff: a report queued offline while they were signed in is
  // theirs whenever it arrives. Only one this device was never given is refused.
  std::int64_t staff_id = 0;
  if (!submission.staff_token.empty()) {
    const auto owner = store_.session_owner(submission.staff_token, device->id);
    if (!owner) return failed(IntakeOutcome::NotSignedIn, {staff_messages::kUnknownStaffSession});
    staff_id = owner->id;
  }
  if (const auto problem = provenance_problem(submission.request, device->channel))
    return failed(IntakeOutcome::Refused, {*problem});

  auto& request = submission.request;
  const auto& header_key = submission.idempotency_key;
  if (!header_key.empty() && !request.client_id.empty() && header_key != request.client_id)
    return failed(IntakeOutcome::Refused, {messages::kTwoClientIds});
  if (!header_key.empty()) request.client_id = header_key;
  const bool idempotent = !request.client_id.empty();
  if (!idempotent) request.client_id = make_uuid_v4();  // an old client: no resend protection
  if (const auto channel = parse_channel(device->channel)) request.channel = *channel;

  // "The same content" is what the device sent, before the server fills in
  // anything of its own.
  // Links are part of it: a resend with other photos is other content.
  std::string canonical = request_to_json(request);
  for (const auto& link : submission.media_urls) canonical += "\nmedia_url=" + link;
  const auto* known_service = catalogue_.find_service(request.service_code);
  IntakeResult result;
  result.batch = known_service && known_service->type == ServiceType::Batch;
  // A resend is answered before anything else is judged: the first send was
  // accepted, and a catalogue change since must not turn it into a refusal.
  if (idempotent) {
    if (const auto earlier = store_.existing(request.client_id, canonical)) {
      if (earlier->outcome == CreateOutcome::Conflict) return failed(IntakeOutcome::Refused, {kKeyReused});
      const auto record = store_.find(earlier->service_request_id);
      result.created = *earlier;
      result.service_notice = record ? record->service_notice : "";
      return result;
    }
  }

  // Descriptions are judged by the central limit, not the device's: other
  // clients (FixMyStreet) add their own title, link and footer.
  auto prepared =
      prepare_request(catalogue_, request, clock_.now(), Wording::english(), kReceivedDescriptionMaxLength);
  if (!prepared.ok()) {
    std::vector<std::string> messages;
    for (const auto& error : prepared.errors) messages.push_back(error.message);
    return failed(IntakeOutcome::Refused, std::move(messages));
  }
  if (const auto problem = photo_problem(submission.photos)) return failed(IntakeOutcome::Refused, {*problem});
  if (const auto problem = media_link_problem(submission.media_urls))
    return failed(IntakeOutcome::Refused, {*problem});

  PendingPhotos photos(store_.media_dir());
  for (const auto bytes : submission.photos)
    if (!photos.add(bytes, *image_type(bytes)))
      return failed(IntakeOutcome::PhotoFailed, {messages::kPhotoNotSaved});

  const auto& service = *catalogue_.find_service(prepared.request.service_code);
  const auto decision = route(service, prepared.request.answers, prepared.request.location.lat,
                              prepared.request.location.lon, boundaries_);
  NewCase new_case;
  new_case.request = std::move(prepared.request);
  new_case.canonical_body = canonical;
  new_case.device_id = device->id;
  new_case.channel = device->channel;
  new_case.staff_id = staff_id;
  new_case.agency_responsible = decision.body ? decision.body->name : catalogue_.council_name;
  new_case.responsible_area_id = decision.body ? decision.body->id : "";
  new_case.service_notice = decision.notice;
  new_case.batch = service.type == ServiceType::Batch;
  new_case.media = photos.files();
  new_case.media_urls = submission.media_urls;
  new_case.language = submission.language;

  try {
    result.created = store_.create(new_case);
  } catch (const CentralStoreError&) {
    return failed(IntakeOutcome::StoreFailed, {messages::kRequestNotSaved});
  }
  // A concurrent twin that won the race owns the case and its photos; ours go.
  if (result.created.outcome == CreateOutcome::Created) photos.keep();
  if (result.created.outcome == CreateOutcome::Conflict) return failed(IntakeOutcome::Refused, {kKeyReused});
  result.batch = new_case.batch;
  result.service_notice = new_case.service_notice;
  return result;
}

}  // namespace oneservice::central
