// A client of our own in Perl (tests/central/perl/open311_client.pl) that
// builds requests with the same library calls FixMyStreet's Open311.pm makes
// (HTTP::Request::Common, XML::Simple with its settings), against the real
// server on loopback. Skipped, saying so, where Debian's libwww-perl and
// libxml-simple-perl are not installed (scripts/install-deps.sh installs them).
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "api_fixture.h"
#include "shared/request_json.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;

namespace {

struct Run {
  int exit_code = -1;
  std::string output;
};

Run run(const std::string& command) {
  Run out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.output.append(buffer, got);
  out.exit_code = ::pclose(pipe);
  return out;
}

std::map<std::string, std::string> values_of(const std::string& output) {
  std::map<std::string, std::string> out;
  std::size_t at = 0;
  while (at < output.size()) {
    auto end = output.find('\n', at);
    if (end == std::string::npos) end = output.size();
    const auto line = output.substr(at, end - at);
    if (const auto equals = line.find('='); equals != std::string::npos)
      out[line.substr(0, equals)] = line.substr(equals + 1);
    at = end + 1;
  }
  return out;
}

}  // namespace

TEST(PerlOpen311Client, FixMyStreetsLibraryCallsWorkEndToEnd) {
  if (run("perl -MHTTP::Request::Common -MXML::Simple -MLWP::UserAgent -e 1 2>&1").exit_code != 0)
    GTEST_SKIP() << "libwww-perl and libxml-simple-perl are not installed (scripts/install-deps.sh installs them)";
  test::ApiServer server;
  const auto key = server.store().add_key("FixMyStreet", "web");
  const auto base = "http://127.0.0.1:" + std::to_string(server.port()) + "/open311/v2";
  const auto result = run(std::string("perl ") + ONESERVICE_PERL_CLIENT + " " + base + " " + key + " 2>&1");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto got = values_of(result.output);

  EXPECT_EQ(got["report1.status"], "200") << result.output;
  const auto report = got["report1.id"];
  ASSERT_FALSE(report.empty() || report == "REF") << result.output;
  const auto record = server.store().find(report);
  ASSERT_TRUE(record);
  EXPECT_NE(record->description.find("Submitted via FixMyStreet"), std::string::npos);
  EXPECT_GT(record->description.size(), 8000u) << "the whole Welsh detail arrived";
  EXPECT_EQ(record->media_urls, (std::vector<std::string>{"https://fms.example/photo/1.0.full.jpeg",
                                                          "https://fms.example/photo/1.1.full.jpeg"}));
  EXPECT_EQ(request_from_json(record->request_json).answers.at("time_of_day"),
            AnswerValue(std::vector<std::string>{"morning_rush", "night"}));

  EXPECT_EQ(got["report2.status"], "200") << result.output;
  const auto second = server.store().find(got["report2.id"]);
  ASSERT_TRUE(second) << result.output;
  EXPECT_EQ(second->media.size(), 2u) << "photo1 and photo2; the enquiry file is not a photo";
  EXPECT_EQ(second->media_urls.size(), 1u);

  EXPECT_EQ(got["update1.status"], "200") << result.output;
  ASSERT_FALSE(got["update1.id"].empty() || got["update1.id"] == "REF") << result.output;
  EXPECT_EQ(got["update2.id"], got["update1.id"]) << "the resend is the same update";
  EXPECT_EQ(got["update3.status"], "200") << result.output;
  EXPECT_NE(got["update3.id"], got["update1.id"]);
  const auto history = server.store().history(report);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].status, CaseStatus::Reopen);
  EXPECT_EQ(history[0].media_urls.size(), 2u);
  EXPECT_EQ(history[1].media.size(), 1u);
  EXPECT_EQ(server.store().find(report)->status, CaseStatus::Investigating);

  EXPECT_EQ(got["error.status"], "403");
  EXPECT_EQ(got["error.code"], "403");
  EXPECT_FALSE(got["error.description"].empty());
}
