#include "sync/field_wire.h"

#include "sync/open311_wire.h"

namespace oneservice::sync {

std::vector<net::FormPart> update_form(const UpdateFields& f, const std::vector<MediaAttachment>& photos,
                                       const std::string& api_key) {
  std::vector<net::FormPart> form;
  const auto field = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) form.push_back({name, value, "", ""});
  };
  field("api_key", api_key);
  field("service_request_id", f.service_request_id);
  field("update_id", f.update_id);
  field("status", f.status.empty() ? "OPEN" : f.status);
  field("description", f.public_note);
  field("private_note", f.private_note);
  field("updated_datetime", f.device_time);
  if (f.base_version) field("base_version", std::to_string(*f.base_version));
  for (const auto& photo : photos) form.push_back({"media", photo.bytes, photo.file_name, photo.content_type});
  return form;
}

FieldOutcome judge_field_answer(const net::HttpResponse& response, TimePoint now, bool with_session) {
  FieldOutcome out;
  if (response.error == net::NetError::None && response.status >= 200 && response.status < 300) {
    out.kind = FieldOutcome::Kind::Done;
    return out;
  }
  // Central answers an ended session with 401 and a WWW-Authenticate
  // naming our realm; anything else's 401 is from something in between.
  if (with_session && response.error == net::NetError::None && response.status == 401 &&
      response.headers.count("www-authenticate") > 0) {
    out.kind = FieldOutcome::Kind::SignInNeeded;
    out.message = open311_error_text(response.body);
    return out;
  }
  const auto failure = judge_failure(response, now);
  out.kind = failure.kind == Outcome::Kind::Permanent ? FieldOutcome::Kind::Permanent : FieldOutcome::Kind::Transient;
  out.message = failure.message;
  out.retry_after = failure.retry_after;
  return out;
}

}  // namespace oneservice::sync
