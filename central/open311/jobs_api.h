#pragma once
// Field officers' jobs under /open311/v2/staff/ (an extension to Open311):
//   GET    staff/jobs.{json,xml}?since=CURSOR      an officer's jobs changed since
//   POST   staff/assignments.{json,xml}            a manager assigns a case
//   DELETE staff/assignments/{id}.{json,xml}       a manager takes it back
//   GET    staff/flags.{json,xml}                  cases flagged for a manager
//   DELETE staff/flags/{id}.{json,xml}             a manager has seen to one
// Every one needs the device's api_key and a staff session (staff_auth.h).
// README "Jobs for field officers" documents fields and errors.
#include <string>

#include "central/case_store.h"
#include "shared/catalogue.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace oneservice::central::open311 {

class JobsApi {
 public:
  JobsApi(CaseStore& store, const Catalogue& catalogue, bool https)
      : store_(store), catalogue_(catalogue), https_(https) {}
  void install(httplib::Server& server, const std::string& v2_prefix);

 private:
  void jobs(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void assign(const httplib::Request& req, httplib::Response& res, const std::string& format);
  void unassign(const httplib::Request& req, httplib::Response& res, const std::string& id, const std::string& format);
  void flags(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void clear_flag(const httplib::Request& req, httplib::Response& res, const std::string& id,
                  const std::string& format);

  CaseStore& store_;
  const Catalogue& catalogue_;
  bool https_;
};

}  // namespace oneservice::central::open311
