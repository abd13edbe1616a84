#include "central/public/my_requests_page.h"

#include "central/public/email_address.h"
#include "central/store/cases.h"
#include "central/public/words.h"
#include "shared/text.h"
#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

// A page for one signed-in resident (or one about to be): never cached.
Answer personal(int status, std::string html) {
  Answer answer(status, std::move(html));
  answer.personal = true;
  return answer;
}

std::string lang_query(const Visit& visit) { return "?lang=" + escape(visit.t.language()); }

std::string sign_in_form(const Visit& visit, const std::string& typed, const std::string& error) {
  const auto& t = visit.t;
  std::string html = "<form method=\"post\" action=\"/my-requests/sign-in" + lang_query(visit) + "\" novalidate>";
  TextField field;
  field.name = "email";
  field.type = "email";
  field.label = t.tr("Email address");
  field.hint = t.tr("The one you gave when you made your request. We will send a link to it.");
  field.value = typed;
  field.error = error;
  field.attributes = "autocomplete=\"email\" spellcheck=\"false\"";
  html += text_field(t, field) + "<button type=\"submit\">" + escape(t.tr("Send me a link")) + "</button></form>";
  return html;
}

Answer sign_in_page(const Site& site, const Visit& visit, const std::string& typed, const std::string& error,
                    int status) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("Your requests"));
  parts.has_error = !error.empty();
  std::string html;
  if (!error.empty()) html += error_summary(t, error, "email");
  html += "<p class=\"lede\">" +
          escape(t.tr("See every request you have made with your email address, however you made it: at a kiosk, "
                      "on the phone, with a helper or online.")) +
          "</p>" + sign_in_form(visit, typed, error);
  parts.main_html = html;
  return personal(status, render_page(t, parts));
}

std::string shown_reference(const CaseRecord& record) {
  return record.channel == "web" || record.reference.empty() ? record.service_request_id : record.reference;
}

std::string case_item(const Site& site, const Visit& visit, const CaseRecord& record) {
  const auto& t = visit.t;
  const auto reference = shown_reference(record);
  std::string html = "<li><h2>" + escape(service_name(site, t, record.service_code)) + "</h2><dl class=\"summary\">";
  const auto row = [&](const std::string& key, const std::string& value) {
    html += "<div><dt>" + escape(key) + "</dt><dd>" + value + "</dd></div>";
  };
  row(t.tr("Reference"), "<strong>" + escape(reference) + "</strong>");
  row(t.tr("Status"), std::string("<strong class=\"tag") + (is_open(record.status) ? "" : " closed") + "\">" +
                          escape(status_words(t, record.status)) + "</strong>");
  row(t.tr("Received"), escape(date_in_words(t, record.requested_datetime)));
  if (record.status_notes != store::kReceivedNote)
    row(t.tr("Latest update"), escape(date_in_words(t, record.updated_datetime)) + ": " + escape(record.status_notes));
  html += "</dl><p><a href=\"/track/" + escape(record.service_request_id) + lang_query(visit) + "\">" +
          escape(format(t.tr("Every update to request {reference}"), {{"reference", reference}})) + "</a></p></li>";
  return html;
}

Answer link_not_working(const Site& site, const Visit& visit) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("This sign-in link no longer works"));
  parts.has_error = true;
  parts.main_html = "<p>" +
                    escape(t.tr("A link works once, for 30 minutes. Ask for a new one and use the newest email.")) +
                    "</p>" + sign_in_form(visit, "", "");
  return personal(400, render_page(t, parts));
}

}  // namespace

Answer my_requests(const Site& site, const Visit& visit, const std::string& session_token) {
  const auto address = site.store.resident_address(session_token);
  if (!address) return sign_in_page(site, visit, "", "", 200);
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("Your requests"));
  const auto cases = site.store.cases_for_address(*address);
  std::string html = "<p>" + escape(format(t.tr("Signed in as {address}."), {{"address", *address}})) + "</p>";
  if (cases.empty())
    html += "<p>" + escape(t.tr("There are no requests made with this email address.")) + "</p>";
  else {
    html += "<p>" + escape(format(t.trn("{count} request made with this email address.",
                                        "{count} requests made with this email address.", static_cast<long>(cases.size())),
                                  {{"count", std::to_string(cases.size())}})) +
            "</p><ul class=\"cases\">";
    for (const auto& record : cases) html += case_item(site, visit, record);
    html += "</ul>";
  }
  html += "<form method=\"post\" action=\"/my-requests/sign-out" + lang_query(visit) + "\"><button type=\"submit\">" +
          escape(t.tr("Sign out")) + "</button></form>";
  parts.main_html = html;
  return personal(200, render_page(t, parts));
}

Answer ask_for_link(const Site& site, const Visit& visit, const std::string& typed, const std::string& requester) {
  const auto& t = visit.t;
  const auto address = trim(typed);
  if (address.empty()) return sign_in_page(site, visit, typed, t.tr("Enter your email address"), 400);
  if (!is_sendable_address(address))
    return sign_in_page(site, visit, typed,
                        t.tr("Enter an email address in the correct format, like name@example.com"), 400);
  const auto outcome = site.store.request_sign_in_link({address, t.language(), requester});
  if (outcome != LinkOutcome::Queued)
    return sign_in_page(site, visit, typed,
                        t.tr("You have asked for too many links. Wait an hour, then try again, or use the link "
                             "in the last email we sent."),
                        429);
  auto parts = page_parts(site, visit, t.tr("Check your email"));
  parts.main_html = "<p class=\"lede\">" +
                    escape(format(t.tr("We have sent a link to {address}."), {{"address", address}})) + "</p><p>" +
                    escape(t.tr("Open it to see your requests. It works once, for the next 30 minutes. If nothing "
                                "arrives in a few minutes, check your spam folder.")) +
                    "</p>";
  return personal(200, render_page(t, parts));
}

Answer link_page(const Site& site, const Visit& visit, const std::string& token) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("Your requests"));
  parts.main_html = "<form method=\"post\" action=\"/my-requests/sign-in/" + escape(token) + lang_query(visit) +
                    "\"><button type=\"submit\">" + escape(t.tr("See my requests")) + "</button></form>";
  return personal(200, render_page(t, parts));
}

Answer use_link(const Site& site, const Visit& visit, const std::string& token) {
  const auto session = site.store.sign_in_with_link(token);
  if (!session) return link_not_working(site, visit);
  const bool https = site.options.public_url.rfind("https://", 0) == 0;
  auto answer = personal(303, "");
  answer.headers.emplace_back("Set-Cookie", std::string(kResidentCookie) + "=" + session->token +
                                                "; Path=/my-requests; Max-Age=7200; HttpOnly; SameSite=Lax" +
                                                (https ? "; Secure" : ""));
  answer.headers.emplace_back("Location", "/my-requests?lang=" + visit.t.language());
  return answer;
}

Answer sign_out(const Site& site, const Visit& visit, const std::string& session_token) {
  site.store.sign_out_resident(session_token);
  Answer answer = sign_in_page(site, visit, "", "", 200);
  answer.headers.emplace_back("Set-Cookie", std::string(kResidentCookie) + "=; Path=/my-requests; Max-Age=0; HttpOnly; SameSite=Lax");
  return answer;
}

}  // namespace oneservice::central::public_pages
