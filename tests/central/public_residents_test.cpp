// A resident's own requests (issue 16): a one-time link emailed to the
// address (through a real SMTP server), expiring, single use and rate
// limited; then every request made with that address through any channel,
// and nothing for anyone who has not proved it.
#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include "central/notify/mailer.h"
#include "public_fixture.h"
#include "shared/identity.h"
#include "smtp_sink.h"
#include "support/deadline.h"
#include "support/sample_request.h"

using namespace oneservice;
using namespace oneservice::central;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

// The path of the sign-in link in the email that has one.
std::string link_in(const std::vector<test::ReceivedMail>& mail) {
  for (const auto& each : mail) {
    const auto start = each.body.find("/my-requests/sign-in/");
    if (start != std::string::npos) return each.body.substr(start, each.body.find_first_of("\r\n", start) - start);
  }
  return {};
}

std::string cookie_from(const httplib::Result& res) {
  const auto header = res->get_header_value("Set-Cookie");
  return header.substr(0, header.find(';'));
}

httplib::Result ask(httplib::Client& client, const std::string& email, const std::string& lang = "en") {
  return client.Post("/my-requests/sign-in?lang=" + lang, test::form_body({{"email", email}}),
                     "application/x-www-form-urlencoded");
}

TEST(PublicResidents, AnEmailedLinkShowsEveryRequestMadeWithTheAddressWhateverTheChannel) {
  test::PublicServer server;
  test::TempFolder folder;
  const int port = test::free_port();
  test::SmtpSink sink(folder.path(), port);
  notify::Mailer mailer(server.site(), test::mailer_options(port));
  const auto kiosk = server.report(test_support::client_id_for(1));
  // The same resident helped at a desk: another channel, the address in capitals.
  auto assisted = test::sample_case(test_support::client_id_for(2));
  assisted.request.contact.email = "Bronwen.Quill@Residents.example";
  const auto desk = server.store().create(assisted).service_request_id;
  // Someone else's request.
  auto other = test::sample_case(test_support::client_id_for(3));
  other.request.contact.email = "someone.else@example.com";
  const auto theirs = server.store().create(other).service_request_id;
  server.update(kiosk, CaseStatus::Investigating, "An inspector will visit.");

  auto client = server.client();
  const auto before = client.Get("/my-requests");
  ASSERT_TRUE(before);
  EXPECT_THAT(before->body, Not(HasSubstr(local_reference(test_support::client_id_for(1)))));
  EXPECT_THAT(before->body, HasSubstr("Send me a link"));
  const auto asked = ask(client, test::Personal::kEmail);
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->status, 200);
  EXPECT_THAT(asked->body, HasSubstr("Check your email"));
  // Three receipts and a status change are emailed too.
  std::string link;
  test_support::wait_until([&] { return !(link = link_in(test::received_mail(folder.path()))).empty(); });
  ASSERT_FALSE(link.empty());
  const auto button = client.Get(link);
  EXPECT_THAT(button->body, HasSubstr("See my requests")) << "opening the link alone signs nobody in";
  const auto signed_in = client.Post(link, "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 303);
  EXPECT_THAT(signed_in->get_header_value("Set-Cookie"), HasSubstr("HttpOnly"));
  const auto cookie = cookie_from(signed_in);

  const auto list = client.Get("/my-requests", {{"Cookie", cookie}});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_EQ(list->get_header_value("Cache-Control"), "no-store");
  EXPECT_THAT(list->body, HasSubstr(local_reference(test_support::client_id_for(1))));
  EXPECT_THAT(list->body, HasSubstr(local_reference(test_support::client_id_for(2))));
  EXPECT_THAT(list->body, Not(HasSubstr(local_reference(test_support::client_id_for(3)))));
  EXPECT_THAT(list->body, HasSubstr("Being looked into"));
  EXPECT_THAT(list->body, HasSubstr("An inspector will visit."));
  EXPECT_THAT(list->body, HasSubstr("2 requests made with this email address."));
  (void)desk;
  (void)theirs;

  EXPECT_EQ(client.Post(link, "", "application/x-www-form-urlencoded")->status, 400) << "a link works once";
  const auto out = client.Post("/my-requests/sign-out", {{"Cookie", cookie}}, "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(out);
  const auto after = client.Get("/my-requests", {{"Cookie", cookie}});
  EXPECT_THAT(after->body, Not(HasSubstr(local_reference(test_support::client_id_for(1))))) << "signed out";
}

TEST(PublicResidents, ALinkExpiresAfterHalfAnHourAndAskingIsRateLimited) {
  test::PublicServer server;
  auto client = server.client();
  ASSERT_EQ(ask(client, "a@example.com")->status, 200);
  auto due = server.store().due_sign_in_mail(10);
  ASSERT_EQ(due.size(), 1u);
  const auto token = due[0].token;
  server.clock().set("2026-11-22T14:35:01Z");
  EXPECT_TRUE(server.store().due_sign_in_mail(10).empty()) << "an expired link is never sent";
  const auto late = client.Post("/my-requests/sign-in/" + token, "", "application/x-www-form-urlencoded");
  EXPECT_EQ(late->status, 400);
  EXPECT_THAT(late->body, HasSubstr("This sign-in link no longer works"));

  for (int i = 0; i < 2; ++i) ASSERT_EQ(ask(client, "A@example.com")->status, 200);
  const auto limited = ask(client, "a@example.com");
  EXPECT_EQ(limited->status, 429) << "three an hour for one address";
  EXPECT_THAT(limited->body, HasSubstr("too many links"));
  for (int i = 0; i < 7; ++i) ASSERT_EQ(ask(client, "b" + std::to_string(i) + "@example.com")->status, 200);
  EXPECT_EQ(ask(client, "c@example.com")->status, 429) << "ten an hour from one requester";
  server.clock().set("2026-11-22T15:40:00Z");
  EXPECT_EQ(ask(client, "a@example.com")->status, 200) << "an hour later";
}

TEST(PublicResidents, MistakesAreAnsweredOnTheFormInWelsh) {
  test::PublicServer server;
  auto client = server.client();
  const auto empty = ask(client, " ", "cy");
  EXPECT_EQ(empty->status, 400);
  EXPECT_THAT(empty->body, HasSubstr("<html lang=\"cy\""));
  EXPECT_THAT(empty->body, HasSubstr("Rhowch eich cyfeiriad e-bost"));
  const auto bad = ask(client, "not an address", "cy");
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("Mae problem"));
  EXPECT_THAT(bad->body, HasSubstr("not an address")) << "what was typed stays in the field";
  const auto wrong = client.Post("/my-requests/sign-in/" + std::string(64, 'a') + "?lang=cy", "",
                                 "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 400);
  EXPECT_THAT(wrong->body, HasSubstr("<html lang=\"cy\""));
  EXPECT_TRUE(server.store().due_sign_in_mail(10).empty());
}

}  // namespace
