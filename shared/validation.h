#pragma once
// The one validation every channel runs: the kiosk before it queues, the
// sync tool before it enqueues, the central server before it accepts. So a
// request that passed on a kiosk cannot fail centrally for another reason.
//
// Messages follow the GOV.UK Design System: they say what to do ("Enter the
// name of the street", "Number of vehicles must be a whole number"), never
// "invalid", "required" or "please". The fixed words are English templates
// with named placeholders ("{label} must be a whole number"); the Wording
// given words them (the kiosk's translates; Wording::english() keeps them),
// and the placeholders are filled from the catalogue given (a translated one
// gives translated labels).
#include <string>
#include <vector>

#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/request.h"
#include "shared/wording.h"

namespace oneservice {

enum class Problem {
  Missing,          // nothing entered for a required question
  NotANumber,
  NotWholeNumber,
  OutOfRange,
  NotADate,
  InTheFuture,
  NotAnOption,      // a list answer that is not one of the values
  TooLong,
  BadCharacters,    // broken UTF-8 or control characters
  BadEmail,
  BadPhone,
  UnknownQuestion,  // an answer to a code the service does not have
  UnknownService,
  MissingLocation,
  BadLocation,
};

struct FieldError {
  std::string field;  // attribute code, or "location", "description", "contact.email"...
  Problem problem;
  std::string message;  // ready to show a resident
};

// Checks one answer (or its absence) to one question.
std::vector<FieldError> validate_answer(const Attribute& attribute, const AnswerValue* value,
                                        TimePoint now, const Wording& wording);

// Checks every question the resident is asked given their answers, in
// question order. Answers to questions not asked are not checked here;
// prune_answers() drops them before a request is queued.
std::vector<FieldError> validate_answers(const Service& service, const Answers& answers,
                                         TimePoint now, const Wording& wording);

// Open311 GeoReport v2's limit on the description field, and the rule for
// what a resident types on our own devices (kiosk, field, assisted).
inline constexpr std::size_t kDescriptionMaxLength = 4000;

// Everything about a request: service, answers, location, description and
// contact details. description_max is the device's rule unless a receiver
// with a rule of its own passes that (the central server accepts longer
// descriptions from other clients: central/intake/limits.h).
std::vector<FieldError> validate_request(const Catalogue& catalogue, const ServiceRequest& request,
                                         TimePoint now, const Wording& wording,
                                         std::size_t description_max = kDescriptionMaxLength);

}  // namespace oneservice
