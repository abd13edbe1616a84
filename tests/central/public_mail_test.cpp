// Emails to residents (issue 16): queued by the store in the event's own
// transaction, once per event (received, each status change), in the
// resident's language, sent through a real SMTP server (python3-aiosmtpd)
// by the mailer, retried while the relay is down, and stopped by the
// one-click link every email carries.
#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include "central/notify/mail_message.h"
#include "central/public/email_address.h"
#include "central/notify/mailer.h"
#include "public_fixture.h"
#include "shared/identity.h"
#include "smtp_sink.h"
#include "support/central_process.h"
#include "support/deadline.h"

using namespace oneservice;
using namespace oneservice::central;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

constexpr const char* kClientId = "0b7d3c2a-1e4f-4a5b-9c6d-7e8f9a0b1c2d";

std::string path_of(const std::string& url) {
  const auto start = url.find('/', url.find("//") + 2);
  return url.substr(start);
}

// The link after "To stop them, open this link:" (or its Welsh).
std::string unsubscribe_link(const std::string& body) {
  const auto start = body.find("http://track.wealdshire.example/unsubscribe/");
  return body.substr(start, body.find_first_of("\r\n", start) - start);
}

TEST(PublicMail, ReceivedAndEveryStatusChangeOnceEachInTheResidentsLanguage) {
  test::PublicServer server;
  test::TempFolder folder;
  const int port = test::free_port();
  test::SmtpSink sink(folder.path(), port);
  notify::Mailer mailer(server.site(), test::mailer_options(port));

  const auto id = server.report(kClientId, "cy");
  auto mail = test::wait_for_mail(folder.path(), 1);
  ASSERT_EQ(mail.size(), 1u);
  const auto reference = local_reference(kClientId);
  EXPECT_EQ(mail[0].envelope_to, test::Personal::kEmail);
  EXPECT_EQ(mail[0].headers["To"], test::Personal::kEmail);
  EXPECT_THAT(mail[0].headers["Subject"], HasSubstr("=?UTF-8?B?"));
  EXPECT_THAT(mail[0].body, HasSubstr("Mae eich cais wedi cyrraedd Cyngor Sir Wealdshire."));
  EXPECT_THAT(mail[0].body, HasSubstr(reference));
  EXPECT_THAT(mail[0].body, HasSubstr("http://track.wealdshire.example/track/" + reference + "?lang=cy"));
  EXPECT_THAT(mail[0].headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  EXPECT_THAT(mail[0].headers["List-Unsubscribe"], HasSubstr("/unsubscribe/"));
  EXPECT_THAT(mail[0].body, Not(HasSubstr(test::Personal::kDescription)));

  server.clock().set("2026-11-23T10:00:00Z");
  server.update(id, CaseStatus::Investigating, "An inspector will visit.");
  mail = test::wait_for_mail(folder.path(), 2);
  ASSERT_EQ(mail.size(), 2u);
  EXPECT_THAT(mail[1].body, HasSubstr("Yn cael ei ymchwilio"));
  EXPECT_THAT(mail[1].body, HasSubstr("An inspector will visit."));

  // A note alone is not a status change; a resend of the report is not a
  // new case: neither queues anything.
  NewUpdate note;
  note.service_request_id = id;
  note.public_note = "Still on the list.";
  ASSERT_EQ(server.store().add_update(note).outcome, UpdateOutcome::Added);
  EXPECT_EQ(server.report(kClientId, "cy"), id);
  server.update(id, CaseStatus::Fixed, "Filled.");
  mail = test::wait_for_mail(folder.path(), 3);
  ASSERT_EQ(mail.size(), 3u);
  EXPECT_THAT(mail[2].body, HasSubstr("Wedi’i drwsio"));
  EXPECT_THAT(mail[2].body, HasSubstr("Filled."));
  EXPECT_EQ(mailer.send_due(), 0u) << "nothing left to send";
  test::RawDb raw(server.store().path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM mail_queue"), 3);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM mail_queue WHERE sent_at = ''"), 0);
  EXPECT_EQ(test::received_mail(folder.path()).size(), 3u);
}

TEST(PublicMail, ARelayThatIsDownDelaysTheEmailButNeverTheReport) {
  test::PublicServer server;
  test::TempFolder folder;
  const int port = test::free_port();  // nothing listens yet
  auto options = test::mailer_options(port);
  options.first_retry = std::chrono::seconds(30);
  notify::Mailer mailer(server.site(), options);
  const auto started = std::chrono::steady_clock::now();
  const auto id = server.report(kClientId);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10)) << "the create did not wait";
  EXPECT_EQ(server.store().find(id)->service_code, "pothole");
  test::RawDb raw(server.store().path());
  ASSERT_TRUE(test_support::wait_until(
      [&] { return raw.integer("SELECT attempts FROM mail_queue WHERE case_id = " + id) >= 1; }));
  EXPECT_EQ(raw.text("SELECT next_attempt_at FROM mail_queue"), "2026-11-22T14:05:30Z") << "tried again in 30 s";
  EXPECT_NE(raw.text("SELECT last_error FROM mail_queue"), "");

  test::SmtpSink sink(folder.path(), port);  // the relay comes back
  server.clock().set("2026-11-22T14:06:00Z");
  auto mail = test::wait_for_mail(folder.path(), 1);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_THAT(mail[0].body, HasSubstr("Your request has reached Wealdshire County Council."));
  EXPECT_TRUE(test_support::wait_until([&] { return raw.integer("SELECT count(*) FROM mail_queue WHERE sent_at <> ''") == 1; }));
}

TEST(PublicMail, TheOneClickLinkStopsTheEmailsAndSaysSo) {
  test::PublicServer server;
  test::TempFolder folder;
  const int port = test::free_port();
  test::SmtpSink sink(folder.path(), port);
  notify::Mailer mailer(server.site(), test::mailer_options(port));
  const auto id = server.report(kClientId);
  auto mail = test::wait_for_mail(folder.path(), 1);
  ASSERT_EQ(mail.size(), 1u);
  const auto link = path_of(unsubscribe_link(mail[0].body));
  EXPECT_EQ(link, path_of(mail[0].headers["List-Unsubscribe"].substr(1, mail[0].headers["List-Unsubscribe"].size() - 2)));
  auto client = server.client();
  const auto page = client.Get(link);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("Stop the emails")) << "a link alone stops nothing";
  // What a mail program sends for List-Unsubscribe-Post (RFC 8058).
  const auto stopped = client.Post(link, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->status, 200);
  EXPECT_THAT(stopped->body, HasSubstr("You will not get any more emails about this request"));
  server.update(id, CaseStatus::Investigating, "An inspector will visit.");
  EXPECT_THAT(server.store().due_mail(10), IsEmpty());
  EXPECT_EQ(mailer.send_due(), 0u);
  EXPECT_EQ(test::received_mail(folder.path()).size(), 1u);
  EXPECT_THAT(client.Get(link)->body, HasSubstr("You will not get any more emails")) << "and stays stopped";
  const auto unknown = client.Get("/unsubscribe/0123456789abcdef0123456789abcdef?lang=cy");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_THAT(unknown->body, HasSubstr("<html lang=\"cy\""));
}

TEST(PublicMail, NoAddressNoEmailAndAnAddressThatCannotBeSentToIsNeverTried) {
  EXPECT_TRUE(public_pages::is_sendable_address("a.b@example.com"));
  EXPECT_FALSE(public_pages::is_sendable_address("a@b@example.com"));
  EXPECT_FALSE(public_pages::is_sendable_address("a@example.com\r\nBcc: x@example.com"));
  EXPECT_FALSE(public_pages::is_sendable_address("<a@example.com>"));
  EXPECT_FALSE(public_pages::is_sendable_address("nobody"));
  test::PublicServer server;
  auto client = server.client();
  const test::Fields fields = {{"api_key", server.key()},
                               {"service_code", "pothole"},
                               {"lat", "51.2"},
                               {"long", "-1.82"},
                               {"attribute[road_or_pavement]", "road"},
                               {"attribute[pothole_size]", "about_plate"},
                               {"attribute[depth_cm]", "7"}};
  ASSERT_EQ(client.Post("/open311/v2/requests.json", test::form_body(fields), "application/x-www-form-urlencoded")->status,
            200);
  EXPECT_THAT(server.store().due_mail(10), IsEmpty());
}

}  // namespace

namespace {

// `serve --smtp` as a council runs it: the real binary, its mailer thread,
// a real SMTP server.
TEST(PublicMail, TheServedBinarySendsThroughTheRelayItIsGiven) {
  test::TempFolder data, folder;
  std::string key;
  {
    CaseStore store(data.path());
    key = store.add_key("Ashcombe Library kiosk", "kiosk");
  }
  const int port = test::free_port();
  test::SmtpSink sink(folder.path(), port);
  test::CentralProcess central(data.path(), {"--smtp", "smtp://127.0.0.1:" + std::to_string(port), "--mail-from",
                                             "Wealdshire County Council <no-reply@wealdshire.example>"});
  httplib::Client client("127.0.0.1", central.port());
  const test::Fields fields = {{"api_key", key},
                               {"service_code", "pothole"},
                               {"lat", "51.2"},
                               {"long", "-1.82"},
                               {"email", test::Personal::kEmail},
                               {"attribute[road_or_pavement]", "road"},
                               {"attribute[pothole_size]", "about_plate"},
                               {"attribute[depth_cm]", "7"}};
  const auto res = client.Post("/open311/v2/requests.json", {{"Idempotency-Key", kClientId}}, test::form_body(fields),
                               "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const auto mail = test::wait_for_mail(folder.path(), 1);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].envelope_to, test::Personal::kEmail);
  EXPECT_EQ(mail[0].headers.at("From"), "Wealdshire County Council <no-reply@wealdshire.example>");
  EXPECT_THAT(mail[0].body, HasSubstr("http://127.0.0.1:" + std::to_string(central.port()) + "/track/" +
                                      local_reference(kClientId)))
      << "links to the address it serves on";
}

}  // namespace
