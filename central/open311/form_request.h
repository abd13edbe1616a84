#pragma once
// A bridge between the two ways this server reads a POST's fields: bodies
// read through a content reader (form_parts.h, so long reports are never
// refused by httplib's own cap) leave the request's own fields empty, while
// the one staff check (staff_auth.h) reads the api_key off the request. This
// gives that check a request carrying the headers and the form's text
// fields, and nothing else (an officer's POST servicerequestupdates).
#include <httplib.h>

#include "central/open311/post_fields.h"

namespace oneservice::central::open311 {

httplib::Request with_form_fields(const httplib::Request& req, const Fields& fields);

}  // namespace oneservice::central::open311
