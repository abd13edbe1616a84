#include "central/public/site.h"

#include <httplib.h>

#include <cctype>

#include "central/public/feeds.h"
#include "central/public/my_requests_page.h"
#include "central/public/open_data.h"
#include "central/public/top_issues_page.h"
#include "central/public/track_page.h"
#include "central/public/unsubscribe_page.h"
#include "central/public/visit.h"

namespace oneservice::central::public_pages {
namespace {

// A Host header is only used when it looks like one: a name or address and
// a port, so a forged one cannot put markup or another path in a feed.
bool plausible_host(const std::string& host) {
  if (host.empty() || host.size() > 255) return false;
  for (const char c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']')
      return false;
  return true;
}

// Who asks, for the sign-in links' limit per requester: behind the trusted
// proxy, the address it says it took the request from (nginx sets X-Real-IP
// itself, over anything the client sent); from anyone else, the peer.
std::string requester_address(const httplib::Request& req, const SiteOptions& options) {
  if (options.trusted_proxy.empty() || req.remote_addr != options.trusted_proxy) return req.remote_addr;
  const auto forwarded = req.get_header_value("X-Real-IP");
  return forwarded.empty() ? req.remote_addr : forwarded;
}

Visit visit_of(const Site& site, const httplib::Request& req) {
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& [name, value] : req.params)
    if (name != "lang") params.emplace_back(name, value);
  const auto language = i18n::choose_language(req.get_param_value("lang"), req.get_header_value("Accept-Language"));
  auto base = site.options.public_url;
  if (base.empty()) {
    const auto host = req.get_header_value("Host");
    base = (site.options.https ? "https://" : "http://") + (plausible_host(host) ? host : std::string("127.0.0.1"));
  }
  while (!base.empty() && base.back() == '/') base.pop_back();
  return Visit{site.translators.get(language), req.path, std::move(params), std::move(base)};
}

void send(httplib::Response& res, const Answer& answer) {
  res.status = answer.status;
  // The language follows Accept-Language unless ?lang= says otherwise.
  res.set_header("Vary", "Accept-Language");
  res.set_header("Cache-Control", answer.personal ? "no-store" : "no-cache");
  for (const auto& [name, value] : answer.headers) res.set_header(name, value);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
                                            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.set_content(answer.body, answer.content_type);
}

// A store that cannot be read (a broken disk, a locked file) is GOV.UK's
// "Sorry, there is a problem with the service" in the visitor's language,
// not Open311's XML error.
template <typename Make>
void answer(const Site& site, const httplib::Request& req, httplib::Response& res, Make make) {
  const auto visit = visit_of(site, req);
  try {
    send(res, make(visit));
  } catch (const CentralStoreError&) {
    auto parts = page_parts(site, visit, visit.t.tr("Sorry, there is a problem with the service"));
    parts.main_html = "<p>" + escape(visit.t.tr("Try again later.")) + "</p>";
    send(res, Answer(503, render_page(visit.t, parts)));
  }
}

template <typename Page>
httplib::Server::Handler page(const Site& site, Page make) {
  return [site, make](const httplib::Request& req, httplib::Response& res) {
    answer(site, req, res, [&](const Visit& visit) { return make(req, visit); });
  };
}

}  // namespace

void install_public_pages(httplib::Server& server, const Site& site) {
  server.Get("/track", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return track_search(site, visit, req.get_param_value("ref"), req.has_param("ref"));
             }));
  server.Get("/track/([^/]+)/updates\\.atom", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return case_feed(site, visit, req.matches[1]);
             }));
  // After the feed: anything else under /track/ is a reference to look up
  // (a mistyped one, slashes and all, gets the helpful page).
  server.Get("/track/(.+)", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return track_reference(site, visit, req.matches[1]);
             }));
  server.Get("/areas/([^/]+)/updates\\.atom", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return area_feed(site, visit, req.matches[1]);
             }));
  server.Get("/", page(site, [site](const httplib::Request&, const Visit& visit) { return home_page(site, visit); }));
  server.Get("/top-issues", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return top_issues_page(site, visit, req.get_param_value("period"), req.get_param_value("area"));
             }));
  server.Get("/top-issues/chart\\.svg", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return top_issues_chart(site, visit, req.get_param_value("period"));
             }));
  // A token is 32 hex digits (schema step 5); anything else is not one.
  server.Get("/unsubscribe/([0-9a-f]{32})", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return unsubscribe_page(site, visit, req.matches[1]);
             }));
  server.Post("/unsubscribe/([0-9a-f]{32})", [site](const httplib::Request& req, httplib::Response& res) {
    answer(site, req, res, [&](const Visit& visit) { return unsubscribe(site, visit, req.matches[1]); });
  });
  server.Get("/my-requests", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return my_requests(site, visit, resident_cookie(req.get_header_value("Cookie")));
             }));
  // The language link on a page a POST answered points here.
  server.Get("/my-requests/sign-(in|out)", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return my_requests(site, visit, resident_cookie(req.get_header_value("Cookie")));
             }));
  server.Post("/my-requests/sign-in", [site](const httplib::Request& req, httplib::Response& res) {
    answer(site, req, res, [&](const Visit& visit) {
      return ask_for_link(site, visit, req.get_param_value("email"), requester_address(req, site.options));
    });
  });
  // Links are 64 hex digits (store::new_plain_key), as sessions are.
  server.Get("/my-requests/sign-in/([0-9a-f]{64})", page(site, [site](const httplib::Request& req, const Visit& visit) {
               return link_page(site, visit, req.matches[1]);
             }));
  server.Post("/my-requests/sign-in/([0-9a-f]{64})", [site](const httplib::Request& req, httplib::Response& res) {
    answer(site, req, res, [&](const Visit& visit) { return use_link(site, visit, req.matches[1]); });
  });
  server.Post("/my-requests/sign-out", [site](const httplib::Request& req, httplib::Response& res) {
    answer(site, req, res,
           [&](const Visit& visit) { return sign_out(site, visit, resident_cookie(req.get_header_value("Cookie"))); });
  });
  server.Get("/open-data", page(site, [site](const httplib::Request&, const Visit& visit) {
               return open_data_page(site, visit);
             }));
  server.Get("/open-data/cases\\.csv", page(site, [site](const httplib::Request&, const Visit& visit) {
               return cases_csv(site, visit);
             }));
  server.Get("/open-data/cases\\.geojson", page(site, [site](const httplib::Request&, const Visit& visit) {
               return cases_geojson(site, visit);
             }));
}

}  // namespace oneservice::central::public_pages
