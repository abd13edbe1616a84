#include "central/public/unsubscribe_page.h"

#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

Answer unknown(const Site& site, const Visit& visit) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("This link does not work"));
  parts.main_html = "<p>" + escape(t.tr("Check that you copied the whole link from the email. You can also phone the "
                                        "council and ask them to stop the emails.")) +
                    "</p>";
  return {404, render_page(t, parts)};
}

Answer stopped(const Site& site, const Visit& visit, const StopResult& result) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("You will not get any more emails about this request"));
  parts.main_html = "<p>" +
                    escape(format(t.tr("We will not email you about request {reference} again."),
                                  {{"reference", result.reference}})) +
                    "</p><p><a href=\"/track/" + escape(result.reference) + "?lang=" + escape(t.language()) + "\">" +
                    escape(t.tr("You can still see what is happening with it here")) + "</a></p>";
  return {200, render_page(t, parts)};
}

}  // namespace

Answer unsubscribe_page(const Site& site, const Visit& visit, const std::string& token) {
  const auto state = site.store.mail_stop_state(token);
  if (state.outcome == StopOutcome::Unknown) return unknown(site, visit);
  if (state.outcome == StopOutcome::AlreadyStopped) return stopped(site, visit, state);
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("Stop emails about this request"));
  parts.main_html = "<p>" +
                    escape(format(t.tr("You get an email each time request {reference} changes."),
                                  {{"reference", state.reference}})) +
                    "</p><form method=\"post\" action=\"/unsubscribe/" + escape(token) + "?lang=" +
                    escape(t.language()) + "\"><button type=\"submit\" name=\"stop\" value=\"yes\">" +
                    escape(t.tr("Stop the emails")) + "</button></form>";
  return {200, render_page(t, parts)};
}

Answer unsubscribe(const Site& site, const Visit& visit, const std::string& token) {
  const auto result = site.store.stop_mail(token);
  if (result.outcome == StopOutcome::Unknown) return unknown(site, visit);
  return stopped(site, visit, result);
}

}  // namespace oneservice::central::public_pages
