#pragma once
// The single path from "what the resident gave" to "a request fit to queue",
// used by the kiosk screens and by `oneservice-sync enqueue` alike.
#include <vector>

#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/request.h"
#include "shared/validation.h"

namespace oneservice {

struct Prepared {
  ServiceRequest request;
  std::vector<FieldError> errors;  // empty: ready to queue

  bool ok() const { return errors.empty(); }
};

// Fills what the device owns when it is missing (client id, created time, the
// catalogue version it was made against), drops answers to questions that
// were not asked (prune_answers), trims white space around single answers,
// then validates. What the resident typed is never altered otherwise.
// wording translates the messages and description_max is the description's
// limit, as for validate_request.
Prepared prepare_request(const Catalogue& catalogue, ServiceRequest request, TimePoint now,
                         const Wording& wording, std::size_t description_max = kDescriptionMaxLength);

}  // namespace oneservice
