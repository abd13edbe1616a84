#pragma once
// The staff endpoints under /open311/v2/staff/ (an extension to Open311):
//   POST   staff/sessions.{json,xml}          sign in on an enrolled device
//   GET    staff/sessions/current.{json,xml}  the session a Bearer token holds
//   DELETE staff/sessions/current.{json,xml}  sign out
//   GET    staff/verifiers.{json,xml}         the device's offline PIN verifiers
// README "Staff accounts and sign-in" documents fields and errors.
#include <string>

#include "central/case_store.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace oneservice::central::open311 {

class StaffApi {
 public:
  explicit StaffApi(CaseStore& store) : store_(store) {}
  void install(httplib::Server& server, const std::string& v2_prefix);

 private:
  void sign_in(const httplib::Request& req, httplib::Response& res, const std::string& format);
  void current(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void sign_out(const httplib::Request& req, httplib::Response& res, const std::string& format);
  void verifiers(const httplib::Request& req, httplib::Response& res, const std::string& format) const;

  CaseStore& store_;
};

}  // namespace oneservice::central::open311
