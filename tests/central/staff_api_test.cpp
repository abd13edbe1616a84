// The staff endpoints over loopback HTTP, in JSON and XML: sign-in, the
// session, sign-out, the device's PIN verifiers, and every way in refused.
#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "api_fixture.h"
#include "staff_http.h"
#include "central/open311/staff_auth.h"
#include "central/staff_messages.h"
#include "central/store/password_hash.h"
#include "support/raw_db.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::form;
namespace msg = staff_messages;

namespace {

using test::Answer;
using test::answer_of;
using test::error_texts;
using test::Fields;

constexpr const char* kSecret = test::kStaffSecret;
constexpr const char* kPin = "480213";

// The first item of a JSON list, or of an XML root's first child, as flat
// name -> text pairs (nested elements as "parent.child").
std::map<std::string, std::string> first_item(const Answer& answer, const std::string& format) {
  std::map<std::string, std::string> out;
  if (format == "json") {
    const auto list = json::parse(answer.body);
    if (list.empty()) return out;
    for (const auto& [name, value] : list.at(0).items()) {
      if (value.is_object()) {
        for (const auto& [inner, text] : value.items())
          out[name + "." + inner] = text.is_string() ? text.get<std::string>() : text.dump();
      } else {
        out[name] = value.is_string() ? value.get<std::string>() : value.dump();
      }
    }
    return out;
  }
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(answer.body.c_str())) << answer.body;
  for (auto node : doc.first_child().first_child().children()) {
    if (node.first_child().type() == pugi::node_element) {
      for (auto inner : node.children()) out[std::string(node.name()) + "." + inner.name()] = inner.text().get();
    } else {
      out[node.name()] = node.text().get();
    }
  }
  return out;
}

class StaffApi : public ::testing::Test {
 protected:
  void SetUp() override {
    store().use_hash_limits(store::smallest_hash_limits(), store::smallest_hash_limits());
    tablet_key = store().add_key("Field tablet 3", "field", &tablet);
    other_key = store().add_key("Field tablet 4", "field", &other);
    store().add_staff("Ann Smith", StaffRole::Officer, "Highways North", kSecret);
  }

  CaseStore& store() { return server.store(); }

  httplib::Client client() const {
    httplib::Client out("127.0.0.1", server.port());
    out.set_read_timeout(30);
    return out;
  }

  Answer sign_in(const std::string& format, const Fields& fields) {
    return answer_of(client().Post(("/open311/v2/staff/sessions." + format).c_str(), form(fields),
                                   "application/x-www-form-urlencoded"));
  }

  Answer sign_in(const std::string& format, const std::string& key, const std::string& name,
                 const std::string& secret, const std::string& pin = {}) {
    Fields fields = {{"api_key", key}, {"name", name}, {"secret", secret}};
    if (!pin.empty()) fields.emplace_back("pin", pin);
    return sign_in(format, fields);
  }

  // Signs Ann in on a device and returns the session token.
  std::string token_for(const std::string& key) {
    const auto answer = sign_in("json", key, "Ann Smith", kSecret);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.status == 200 ? json::parse(answer.body).at(0).at("token").get<std::string>() : "";
  }

  static httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

  Answer current(const std::string& format, const std::string& key, const httplib::Headers& headers) {
    return answer_of(client().Get(("/open311/v2/staff/sessions/current." + format + "?api_key=" + key).c_str(),
                                  headers));
  }

  Answer sign_out(const std::string& format, const std::string& key, const std::string& token) {
    return answer_of(client().Delete(
        ("/open311/v2/staff/sessions/current." + format + "?api_key=" + key).c_str(), bearer(token)));
  }

  Answer verifiers(const std::string& format, const std::string& key) {
    return answer_of(client().Get(("/open311/v2/staff/verifiers." + format + "?api_key=" + key).c_str()));
  }

  void expect_error(const Answer& answer, const std::string& format, int status, const std::string& text) {
    EXPECT_EQ(answer.status, status) << answer.body;
    EXPECT_EQ(error_texts(answer, format), std::vector<std::string>{text}) << answer.body;
  }

  test::ApiServer server;
  Device tablet, other;
  std::string tablet_key, other_key;
};

const std::vector<std::string> kFormats = {"json", "xml"};

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_F(StaffApi, SignInAnswersASessionInBothFormats) {
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto answer = sign_in(format, tablet_key, "Ann Smith", kSecret);
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_NE(answer.header("Content-Type").find(format), std::string::npos);
    EXPECT_EQ(answer.header("Cache-Control"), "no-store");
    if (format == "xml") {
      EXPECT_NE(answer.body.find("<staff_sessions><staff_session>"), std::string::npos);
    }
    auto item = first_item(answer, format);
    EXPECT_EQ(item["name"], "Ann Smith");
    EXPECT_EQ(item["role"], "officer");
    EXPECT_EQ(item["team"], "Highways North");
    EXPECT_EQ(item["token"].size(), 64u);
    EXPECT_TRUE(parse_iso8601(item["expires_at"])) << item["expires_at"];
    EXPECT_EQ(item.count("pin_verifier.verifier"), 0u) << "no PIN sent, no verifier";

    const auto session = current(format, tablet_key, bearer(item["token"]));
    ASSERT_EQ(session.status, 200) << session.body;
    auto held = first_item(session, format);
    EXPECT_EQ(held["name"], "Ann Smith");
    EXPECT_EQ(held["role"], "officer");
    EXPECT_EQ(held["expires_at"], item["expires_at"]);
    EXPECT_EQ(held.count("token"), 0u) << "the token is shown once";
  }
}

TEST_F(StaffApi, AMultipartSignInIsReadTheSame) {
  httplib::MultipartFormDataItems items = {
      {"api_key", tablet_key, "", ""}, {"name", "Ann Smith", "", ""}, {"secret", kSecret, "", ""}};
  const auto answer = answer_of(client().Post("/open311/v2/staff/sessions.json", items));
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(json::parse(answer.body).at(0).at("name"), "Ann Smith");
}

TEST_F(StaffApi, AWrongSecretAndAnUnknownNameGetTheSameAnswer) {
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto wrong = sign_in(format, tablet_key, "Ann Smith", "not the secret at all");
    const auto unknown = sign_in(format, tablet_key, "Nobody Here", kSecret);
    expect_error(wrong, format, 401, msg::kWrongNameOrSecret);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(wrong.status, unknown.status);
  }
}

TEST_F(StaffApi, MalformedSignInsAreRefusedSayingWhy) {
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    expect_error(sign_in(format, {{"api_key", tablet_key}, {"name", "Ann Smith"}}), format, 400,
                 msg::kSignInFieldsMissing);
    expect_error(sign_in(format, {{"api_key", tablet_key}, {"secret", kSecret}}), format, 400,
                 msg::kSignInFieldsMissing);
    expect_error(sign_in(format, tablet_key, "Ann \xff", kSecret), format, 400, msg::kNotUtf8);
    expect_error(sign_in(format, tablet_key, "Ann Smith", kSecret, "1234"), format, 400, msg::kPinRules);
    expect_error(sign_in(format, tablet_key, "Ann Smith", kSecret, "123456"), format, 400, msg::kPinRules);
    expect_error(sign_in(format, tablet_key, "Ann Smith", kSecret, "48O213"), format, 400, msg::kPinRules);
    expect_error(sign_in(format, server.key(), "Ann Smith", kSecret, kPin), format, 400, msg::kPinNotHere);
    expect_error(sign_in(format, {{"name", "Ann Smith"}, {"secret", kSecret}}), format, 403, msg::kDeviceKeyRefused);
    expect_error(sign_in(format, std::string(64, 'f'), "Ann Smith", kSecret), format, 403, msg::kDeviceKeyRefused);
  }
  test_support::RawDb raw(store().path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM staff_sessions"), 0) << "nothing refused made a session";
}

TEST_F(StaffApi, ASignInWithAPinReturnsAVerifierTheTabletCanCheck) {
  ASSERT_GE(sodium_init(), 0);
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto answer = sign_in(format, tablet_key, "Ann Smith", kSecret, kPin);
    ASSERT_EQ(answer.status, 200) << answer.body;
    auto item = first_item(answer, format);
    const auto verifier = item["pin_verifier.verifier"];
    ASSERT_EQ(verifier.rfind("$argon2id$", 0), 0u) << answer.body;
    EXPECT_EQ(crypto_pwhash_str_verify(verifier.c_str(), kPin, 6), 0);
    EXPECT_NE(crypto_pwhash_str_verify(verifier.c_str(), "480214", 6), 0);
    EXPECT_EQ(item["pin_verifier.algorithm"], "argon2id13");
    const auto limits = store::argon2id_limits(verifier);
    ASSERT_TRUE(limits);
    EXPECT_EQ(item["pin_verifier.opslimit"], std::to_string(limits->opslimit));
    EXPECT_EQ(item["pin_verifier.memlimit"], std::to_string(limits->memlimit));
    EXPECT_EQ(item["pin_verifier.fingerprint"].size(), 64u);
    EXPECT_TRUE(parse_iso8601(item["pin_verifier.expires_at"]));

    // The device's next sync lists it, by fingerprint; no other device does.
    const auto listed = verifiers(format, tablet_key);
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(listed.header("Cache-Control"), "no-store");
    auto entry = first_item(listed, format);
    EXPECT_EQ(entry["name"], "Ann Smith");
    EXPECT_EQ(entry["role"], "officer");
    EXPECT_EQ(entry["id"], item["pin_verifier.id"]);
    EXPECT_EQ(entry["fingerprint"], item["pin_verifier.fingerprint"]);
    EXPECT_EQ(entry.count("verifier"), 0u);
    EXPECT_TRUE(first_item(verifiers(format, other_key), format).empty()) << verifiers(format, other_key).body;
  }
  EXPECT_EQ(store().pin_verifiers(tablet.id).size(), 1u) << "the second sign-in's PIN replaced the first";
}

TEST_F(StaffApi, NoSecretTokenPinOrVerifierIsInTheDatabaseInClear) {
  const auto answer = sign_in("json", tablet_key, "Ann Smith", kSecret, kPin);
  ASSERT_EQ(answer.status, 200);
  const auto item = json::parse(answer.body).at(0);
  const auto verifier = item.at("pin_verifier").at("verifier").get<std::string>();
  const auto bytes = file_bytes(store().path()) + file_bytes(store().path() + "-wal");
  ASSERT_NE(bytes.find("Ann Smith"), std::string::npos) << "the file's bytes were read";
  EXPECT_EQ(bytes.find(kSecret), std::string::npos);
  EXPECT_EQ(bytes.find(item.at("token").get<std::string>()), std::string::npos);
  EXPECT_EQ(bytes.find(kPin), std::string::npos);
  EXPECT_EQ(bytes.find(verifier.substr(verifier.rfind('$') + 1)), std::string::npos);
}

TEST_F(StaffApi, SignOutEndsTheSessionInBothFormats) {
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto token = token_for(tablet_key);
    expect_error(sign_out(format, other_key, token), format, 401, msg::kSessionEnded);
    const auto out = sign_out(format, tablet_key, token);
    ASSERT_EQ(out.status, 200) << out.body;
    auto item = first_item(out, format);
    EXPECT_EQ(item["name"], "Ann Smith");
    EXPECT_EQ(item["signed_out"], "true");
    expect_error(current(format, tablet_key, bearer(token)), format, 401, msg::kSessionEnded);
    expect_error(sign_out(format, tablet_key, token), format, 401, msg::kSessionEnded);
  }
}

TEST_F(StaffApi, MissingOrForeignCredentialsAreRefused) {
  const auto token = token_for(tablet_key);
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto none = current(format, tablet_key, {});
    expect_error(none, format, 401, msg::kNotSignedIn);
    EXPECT_EQ(none.header("WWW-Authenticate"), "Bearer realm=\"oneservice\"");
    expect_error(current(format, tablet_key, {{"Authorization", "Basic " + token}}), format, 401, msg::kNotSignedIn);
    const auto other_device = current(format, other_key, bearer(token));
    expect_error(other_device, format, 401, msg::kSessionEnded);
    EXPECT_NE(other_device.header("WWW-Authenticate").find("error=\"invalid_token\""), std::string::npos);
    expect_error(current(format, tablet_key, bearer(std::string(64, '0'))), format, 401, msg::kSessionEnded);
    expect_error(current(format, "", bearer(token)), format, 403, msg::kDeviceKeyRefused);
    expect_error(verifiers(format, ""), format, 403, msg::kDeviceKeyRefused);
  }
  EXPECT_EQ(current("json", tablet_key, {{"Authorization", "bearer " + token}}).status, 200)
      << "the scheme's name is case-insensitive";
}

TEST_F(StaffApi, AnExpiredSessionIsRefused) {
  const auto token = token_for(tablet_key);
  ASSERT_EQ(current("json", tablet_key, bearer(token)).status, 200);
  test_support::RawDb raw(store().path());
  ASSERT_EQ(raw.exec("UPDATE staff_sessions SET expires_at = '2020-01-01T00:00:00Z'"), SQLITE_OK);
  for (const auto& format : kFormats) expect_error(current(format, tablet_key, bearer(token)), format, 401, msg::kSessionEnded);
}

TEST_F(StaffApi, DisablingAnAccountEndsItsSessionsAndWithdrawsItsVerifiers) {
  const auto answer = sign_in("json", tablet_key, "Ann Smith", kSecret, kPin);
  const auto token = json::parse(answer.body).at(0).at("token").get<std::string>();
  ASSERT_EQ(json::parse(verifiers("json", tablet_key).body).size(), 1u);
  ASSERT_TRUE(store().disable_staff("Ann Smith"));
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    expect_error(current(format, tablet_key, bearer(token)), format, 401, msg::kSessionEnded);
    expect_error(sign_in(format, tablet_key, "Ann Smith", kSecret), format, 403, msg::kAccountDisabled);
    expect_error(sign_in(format, tablet_key, "Ann Smith", "not the secret at all"), format, 401,
                 msg::kWrongNameOrSecret);
    const auto listed = verifiers(format, tablet_key);
    EXPECT_EQ(listed.status, 200);
    EXPECT_TRUE(first_item(listed, format).empty()) << listed.body;
  }
}

TEST_F(StaffApi, RevokingADeviceKeyEndsItsSessionsAtOnce) {
  const auto token = token_for(tablet_key);
  const auto elsewhere = token_for(other_key);
  ASSERT_TRUE(store().revoke_key(tablet.id));
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    expect_error(current(format, tablet_key, bearer(token)), format, 403, msg::kDeviceKeyRefused);
    expect_error(sign_in(format, tablet_key, "Ann Smith", kSecret), format, 403, msg::kDeviceKeyRefused);
    expect_error(verifiers(format, tablet_key), format, 403, msg::kDeviceKeyRefused);
  }
  EXPECT_FALSE(store().staff_session(token, tablet.id));
  EXPECT_EQ(current("json", other_key, bearer(elsewhere)).status, 200) << "other devices are not touched";
}

// require_staff's role check, as an endpoint limited to managers would use it.
TEST_F(StaffApi, RequireStaffRefusesRolesTheEndpointDoesNotAllow) {
  const auto token = token_for(tablet_key);
  httplib::Request req;
  req.params.emplace("api_key", tablet_key);
  req.headers.emplace("Authorization", "Bearer " + token);
  httplib::Response res;
  const auto refused = open311::require_staff(store(), req, res, "json", {StaffRole::Manager});
  EXPECT_FALSE(refused);
  expect_error({res.status, res.body, res.headers}, "json", 403, msg::kRoleNotAllowed);
  httplib::Response allowed_res;
  const auto allowed =
      open311::require_staff(store(), req, allowed_res, "json", {StaffRole::Officer, StaffRole::Manager});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->staff.name, "Ann Smith");
  EXPECT_EQ(allowed->device_id, tablet.id);
  EXPECT_TRUE(allowed_res.body.empty()) << "nothing is written when the check passes";
}
