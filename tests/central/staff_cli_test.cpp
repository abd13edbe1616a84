// `oneservice-central staff ...` through the real binary, and a secret it
// printed signing in to a real `serve` with the server's default limits.
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "central/staff_messages.h"
#include "support/central_process.h"

using namespace oneservice::central;
using namespace oneservice::central::test;
using nlohmann::json;

namespace {

class StaffCommands : public ::testing::Test {
 protected:
  void SetUp() override {
    folder = std::filesystem::temp_directory_path() /
             ("oneservice-staff-cli-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    data = (folder / "data").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder); }

  RunResult staff(std::vector<std::string> args, const std::optional<std::string>& input = std::nullopt) {
    args.insert(args.begin(), "staff");
    args.insert(args.end(), {"--data", data});
    return run_central(args, input);
  }

  static std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

  std::string database_bytes() const {
    std::string out;
    for (const auto* suffix : {"", "-wal"}) {
      std::ifstream in(data + "/central.sqlite3" + suffix, std::ios::binary);
      out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }

  int sign_in_status(int port, const std::string& key, const std::string& name, const std::string& secret) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(30);
    const auto reply = client.Post("/open311/v2/staff/sessions.json",
                                   httplib::Params{{"api_key", key}, {"name", name}, {"secret", secret}});
    return reply ? reply->status : 0;
  }

  std::filesystem::path folder;
  std::string data;
};

}  // namespace

TEST_F(StaffCommands, AddPrintsAGeneratedSecretOnceAndListShowsTheAccount) {
  const auto added = staff({"add", "--name", "Ann Smith", "--role", "officer", "--team", "Highways North"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const auto secret = first_line(added.out);
  EXPECT_EQ(secret.size(), 23u) << added.out;
  EXPECT_EQ(added.out, secret + "\n") << "the secret alone on stdout, for a script";
  EXPECT_NE(added.err.find("shown only now"), std::string::npos) << added.err;
  EXPECT_EQ(added.err.find(secret), std::string::npos);

  const auto list = staff({"list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Ann Smith"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("officer"), std::string::npos);
  EXPECT_NE(list.out.find("Highways North"), std::string::npos);
  EXPECT_EQ(list.out.find(secret), std::string::npos) << "a secret is never shown again";
  const auto bytes = database_bytes();
  EXPECT_NE(bytes.find("Ann Smith"), std::string::npos);
  EXPECT_EQ(bytes.find(secret), std::string::npos) << "nor stored in clear";
}

TEST_F(StaffCommands, ASecretCanBePipedInInsteadAndIsNeverEchoed) {
  const std::string secret = "a secret from the council's vault";
  const auto added = staff({"add", "--name", "Bob Jones", "--role", "helper", "--secret-stdin"}, secret + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "");
  EXPECT_EQ(added.err.find(secret), std::string::npos);
  EXPECT_EQ(database_bytes().find(secret), std::string::npos);
  const auto short_one = staff({"add", "--name", "Cat Lee", "--role", "helper", "--secret-stdin"}, "short\n");
  EXPECT_EQ(short_one.exit_code, 1);
  EXPECT_NE(short_one.err.find(staff_messages::kSecretTooShort), std::string::npos) << short_one.err;
  const auto nothing = staff({"add", "--name", "Cat Lee", "--role", "helper", "--secret-stdin"}, "");
  EXPECT_EQ(nothing.exit_code, 2) << nothing.err;
  EXPECT_EQ(staff({"list"}).out.find("Cat Lee"), std::string::npos);
}

TEST_F(StaffCommands, BadCommandLinesAndTakenNamesAreRefused) {
  ASSERT_EQ(staff({"add", "--name", "Ann Smith", "--role", "officer"}).exit_code, 0);
  const auto taken = staff({"add", "--name", "ann smith", "--role", "manager"});
  EXPECT_EQ(taken.exit_code, 1);
  EXPECT_NE(taken.err.find(staff_messages::kNameTaken), std::string::npos) << taken.err;
  EXPECT_EQ(taken.out, "") << "no secret for an account not made";
  EXPECT_EQ(staff({"add", "--name", "Dan", "--role", "boss"}).exit_code, 2);
  EXPECT_EQ(staff({"add", "--role", "officer"}).exit_code, 2);
  EXPECT_EQ(staff({"disable"}).exit_code, 2);
  EXPECT_EQ(staff({"reset"}).exit_code, 2);
  EXPECT_EQ(staff({"fire", "Ann Smith"}).exit_code, 2);
  EXPECT_EQ(staff({"disable", "Nobody"}).exit_code, 1);
}

TEST_F(StaffCommands, DisableAndResetTakeEffectOnARunningServer) {
  const auto key_run = run_central({"key", "add", "--name", "Field tablet", "--channel", "field", "--data", data});
  ASSERT_EQ(key_run.exit_code, 0) << key_run.err;
  const auto key = first_line(key_run.out);
  const auto ann = first_line(staff({"add", "--name", "Ann Smith", "--role", "officer"}).out);
  const auto bob = first_line(staff({"add", "--name", "Bob Jones", "--role", "officer"}).out);

  CentralProcess server(data);
  EXPECT_EQ(sign_in_status(server.port(), key, "Ann Smith", ann), 200) << "the default limits sign in";
  EXPECT_EQ(sign_in_status(server.port(), key, "Ann Smith", bob), 401);

  const auto reset = staff({"reset", "Ann Smith"});
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  const auto new_secret = first_line(reset.out);
  EXPECT_NE(new_secret, ann);
  EXPECT_EQ(sign_in_status(server.port(), key, "Ann Smith", ann), 401);
  EXPECT_EQ(sign_in_status(server.port(), key, "Ann Smith", new_secret), 200);

  EXPECT_EQ(staff({"disable", "Bob Jones"}).exit_code, 0);
  EXPECT_EQ(staff({"disable", "Bob Jones"}).exit_code, 1) << "already disabled";
  EXPECT_EQ(sign_in_status(server.port(), key, "Bob Jones", bob), 403);
  const auto list = staff({"list"});
  EXPECT_NE(list.out.find("Z "), std::string::npos) << "the disabled time shows: " << list.out;
}

TEST_F(StaffCommands, ReportsCountByStaffAndByWhomAnAssistedReportWasFor) {
  const auto staff_csv = run_central({"report", "staff", "--format", "csv", "--data", data});
  ASSERT_EQ(staff_csv.exit_code, 0) << staff_csv.err;
  EXPECT_EQ(staff_csv.out, "period,channel,staff,team,count\r\n");
  const auto assisted = run_central({"report", "assisted", "--period", "week", "--data", data});
  ASSERT_EQ(assisted.exit_code, 0) << assisted.err;
  EXPECT_EQ(json::parse(assisted.out), json::array());
  const auto unknown = run_central({"report", "helpers", "--data", data});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("staff or assisted"), std::string::npos) << unknown.err;
}
