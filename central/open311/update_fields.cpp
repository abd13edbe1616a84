#include "central/open311/update_fields.h"

#include "central/open311/messages.h"
#include "shared/text.h"

namespace oneservice::central::open311 {

UpdateSubmission read_update_fields(const Fields& fields) {
  UpdateSubmission out;
  for (const auto& [name, value] : fields) {
    if (!is_valid_utf8(name) || !is_valid_utf8(value)) {
      out.problems = {kNotUtf8};
      return out;
    }
    if (name == "api_key") out.api_key = value;
    else if (name == "service_request_id") out.service_request_id = value;
    else if (name == "update_id") out.update_id = value;
    else if (name == "status") out.status = value;
    else if (name == "description") out.description = value;
    else if (name == "updated_datetime") out.updated_datetime = value;
    else if (name == "first_name") out.first_name = value;
    else if (name == "last_name") out.last_name = value;
    else if (name == "email") out.email = value;
    else if (name == "phone") out.phone = value;
    else if (name == "media_url") {
      if (!trim(value).empty()) out.media_urls.push_back(trim(value));
    }
  }
  return out;
}

void read_staff_fields(const Fields& fields, UpdateSubmission& submission) {
  if (const auto note = fields.find(kPrivateNoteField); note != fields.end()) submission.private_note = note->second;
  const auto version = fields.find(kBaseVersionField);
  if (version == fields.end() || trim(version->second).empty()) return;
  try {
    std::size_t used = 0;
    const auto text = trim(version->second);
    const auto value = std::stoll(text, &used);
    if (used == text.size() && value >= 1) {
      submission.base_version = value;
      return;
    }
  } catch (const std::exception&) {
  }
  submission.problems.push_back(kBadBaseVersion);
}

}  // namespace oneservice::central::open311
