#pragma once
// The Open311 GeoReport v2 endpoints under /open311/v2/, in .xml and .json,
// with the UK servicerequestupdates extension (GET and POST), on a
// cpp-httplib server.
#include <memory>
#include <string>

#include "central/case_store.h"
#include "central/intake/intake.h"
#include "central/open311/staff_api.h"
#include "central/open311/jobs_api.h"
#include "central/intake/update_intake.h"
#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/routing.h"

namespace httplib {
class Server;
class ContentReader;
struct Request;
struct Response;
}  // namespace httplib

namespace oneservice::central::open311 {

struct ApiOptions {
  bool https = false;  // for the scheme of media_url and discovery
};

class Api {
 public:
  Api(CaseStore& store, const Catalogue& catalogue, const Boundaries& boundaries, ApiOptions options,
      Clock clock = {});
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  void install(httplib::Server& server);

 private:
  struct Cache;
  void discovery(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void services(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void definition(const httplib::Request& req, httplib::Response& res, const std::string& code,
                  const std::string& format) const;
  void create(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content,
              const std::string& format);
  void search(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void nearby(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void support(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content,
               const std::string& id, const std::string& format);
  void one(const httplib::Request& req, httplib::Response& res, const std::string& id,
           const std::string& format) const;
  void token(httplib::Response& res, const std::string& token, const std::string& format) const;
  void updates(const httplib::Request& req, httplib::Response& res, const std::string& format) const;
  void post_update(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content,
                   const std::string& format);
  // ?size=thumb: a small JPEG (central/media), or the original when none can be made.
  void media(const httplib::Request& req, httplib::Response& res, const std::string& name) const;
  std::string base_url(const httplib::Request& req) const;

  CaseStore& store_;
  const Catalogue& catalogue_;
  ApiOptions options_;
  Clock clock_;
  Intake intake_;
  UpdateIntake update_intake_;
  StaffApi staff_api_;
  JobsApi jobs_api_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace oneservice::central::open311
