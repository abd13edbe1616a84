#pragma once
// The one check every staff endpoint makes first: the enrolled device's key
// and a member of staff's session on that device.
//
//   api_key                 the device's key, as every Open311 POST sends it:
//                           a query, form or multipart field
//   Authorization: Bearer T the session token the sign-in returned
//
// Errors, written in the endpoint's format (Open311's error list):
//   403  the api_key is missing, unknown or revoked
//   401  no Bearer token (with WWW-Authenticate: Bearer), or the session is
//        unknown, expired, signed out, made on another device, its account
//        disabled (WWW-Authenticate: Bearer error="invalid_token")
//   403  the member's role is not among those the endpoint allows
#include <initializer_list>
#include <optional>
#include <string>

#include "central/case_store.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace oneservice::central::open311 {

// A field of the request wherever a client put it: the query string, a form
// body or a multipart part. Empty when absent.
std::string request_field(const httplib::Request& req, const std::string& name);

// The token of an "Authorization: Bearer <token>" header; empty when there
// is none or it is another scheme.
std::string bearer_token(const httplib::Request& req);

// The device behind the request's api_key, or the 403 written and nullopt.
std::optional<Device> require_device(const CaseStore& store, const httplib::Request& req, httplib::Response& res,
                                     const std::string& format);

// The live session of the request's device and Bearer token, or the error
// written and nullopt. `allowed` empty: any role.
std::optional<StaffSession> require_staff(const CaseStore& store, const httplib::Request& req,
                                          httplib::Response& res, const std::string& format,
                                          std::initializer_list<StaffRole> allowed = {});

}  // namespace oneservice::central::open311
