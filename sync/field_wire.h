#pragma once
// The field passes' requests as forms, and what an answer means for them.
// Pure functions, like open311_wire.h.
#include <optional>
#include <string>
#include <vector>

#include "sync/net/http_transport.h"
#include "sync/outbox.h"

namespace oneservice::sync {

// POST servicerequestupdates: an officer's update (with Bearer: status,
// private_note and base_version count), a join or a photo sent after its
// report (device key only, with the status the case has: a note that keeps
// it). Photos as multipart "media" parts.
struct UpdateFields {
  std::string service_request_id, update_id, status, public_note, private_note, device_time;
  std::optional<int> base_version;
};
std::vector<net::FormPart> update_form(const UpdateFields& fields, const std::vector<MediaAttachment>& photos,
                                       const std::string& api_key);

struct FieldOutcome {
  enum class Kind {
    Done,          // 2xx: read the body
    SignInNeeded,  // 401 to a request sent with a session: it waits for a sign-in
    Permanent,     // refused: the council's words
    Transient,     // retry later
  };
  Kind kind = Kind::Transient;
  std::string message;
  std::optional<std::chrono::seconds> retry_after;
};

// with_session: the request carried a Bearer token, so a 401 is about it
// (and not something in between).
FieldOutcome judge_field_answer(const net::HttpResponse& response, TimePoint now, bool with_session);

}  // namespace oneservice::sync
