// Runs the built oneservice-sync as a subprocess, the way an operator or a
// script would, and checks exit status, output and what reached the store.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice::sync;
using test::read_bytes;
using test::TempFolder;

namespace {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

CliResult run_cli(const std::vector<std::string>& args, const std::string& input, const TempFolder& scratch) {
  const auto out_path = scratch.file("cli.stdout");
  const auto err_path = scratch.file("cli.stderr");
  int to_child[2];
  if (::pipe(to_child) != 0) throw std::runtime_error("pipe failed");

  const pid_t child = ::fork();
  if (child == -1) throw std::runtime_error("fork failed");
  if (child == 0) {
    ::dup2(to_child[0], STDIN_FILENO);
    ::close(to_child[0]);
    ::close(to_child[1]);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || err < 0) ::_exit(126);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    std::vector<char*> argv;
    std::string program = ONESERVICE_SYNC_BIN;
    argv.push_back(program.data());
    std::vector<std::string> copies = args;
    for (auto& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(to_child[0]);
  // Requests are far smaller than a pipe's buffer, so this cannot block.
  std::size_t written = 0;
  while (written < input.size()) {
    const auto n = ::write(to_child[1], input.data() + written, input.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::close(to_child[1]);

  int status = 0;
  ::waitpid(child, &status, 0);
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_bytes(out_path);
  result.err = read_bytes(err_path);
  return result;
}

const std::string kPothole = R"({
  "service_code": "pothole",
  "answers": {"road_or_pavement": "road", "pothole_size": "bigger_than_plate", "depth_cm": 12},
  "location": {"lat": 51.0625, "long": -0.3217, "address_string": "Mill Lane"},
  "description": "By the bus stop",
  "channel": "assisted"
})";

const std::string kPotholeWithoutRoadOrPavement = R"({
  "service_code": "pothole",
  "answers": {"pothole_size": "bigger_than_plate", "depth_cm": "12"},
  "location": {"address_string": "Mill Lane"}
})";

class CliTest : public ::testing::Test {
 protected:
  TempFolder scratch;
  TempFolder data;

  CliResult run(const std::vector<std::string>& args, const std::string& input = {}) {
    return run_cli(args, input, scratch);
  }
  CliResult enqueue(const std::string& input) { return run({"--data", data.path(), "enqueue"}, input); }
  std::string status_json() {
    const auto result = run({"--data", data.path(), "status", "--json"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }
};

const std::string kOneQueued = "{\"draft\":0,\"queued\":1,\"sending\":0,\"accepted\":0,\"needs_attention\":0}\n";

}  // namespace

TEST_F(CliTest, AValidPotholeIsQueuedAndItsReferencePrinted) {
  const auto result = enqueue(kPothole);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::regex_match(result.out, std::regex("OS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\n")))
      << result.out;
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(status_json(), kOneQueued);

  auto outbox = Outbox::open(outbox_path(data.path()), OpenMode::MustExist);
  const auto entry = outbox.find_by_reference(result.out.substr(0, result.out.size() - 1));
  ASSERT_TRUE(entry);
  const auto stored = oneservice::sync::test::stored_request(outbox, *entry);
  EXPECT_EQ(stored.channel, oneservice::Channel::Assisted);
  EXPECT_EQ(std::get<std::string>(stored.answers.at("depth_cm")), "12");
  EXPECT_EQ(stored.catalogue_version, "2026-11-01T09:00:00Z");  // filled from the catalogue
}

TEST_F(CliTest, TheSameRequestWithItsOwnClientIdIsQueuedOnce) {
  const std::string with_id =
      R"({"client_id": "0b7e3c52-8c1a-4d3e-9f0a-2b4c6d8e0f12", "created_at": "2026-11-22T10:00:00Z",)" +
      kPothole.substr(1);
  const auto first = enqueue(with_id);
  const auto second = enqueue(with_id);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(first.out, second.out);
  EXPECT_EQ(status_json(), kOneQueued);
}

TEST_F(CliTest, MalformedJsonIsExplainedAndNothingQueued) {
  ASSERT_EQ(enqueue(kPothole).exit_code, 0);
  const auto result = enqueue("{\"service_code\": \"pothole\", ");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("not valid JSON"), std::string::npos) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(status_json(), kOneQueued);
}

TEST_F(CliTest, AMissingAnswerGivesTheGovUkMessageAndNothingQueued) {
  const auto result = enqueue(kPotholeWithoutRoadOrPavement);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("There is a problem\n", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("  road_or_pavement: Select if the pothole is in the road or on the pavement\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(status_json(), "{\"draft\":0,\"queued\":0,\"sending\":0,\"accepted\":0,\"needs_attention\":0}\n");
}

TEST_F(CliTest, StatusOnAMissingStoreNamesTheFile) {
  const auto missing = data.file("never-used");
  const auto result = run({"--data", missing, "status"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(missing + "/outbox.sqlite3"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(CliTest, StatusWithoutJsonIsATable) {
  ASSERT_EQ(enqueue(kPothole).exit_code, 0);
  const auto result = run({"status", "--data", data.path()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::regex_search(result.out, std::regex("\nqueued +1\n"))) << result.out;
  EXPECT_TRUE(std::regex_search(result.out, std::regex("\nneeds_attention +0\n"))) << result.out;
}

TEST_F(CliTest, HelpAndUsageMistakes) {
  const auto help = run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_EQ(help.out.rfind("Usage: oneservice-sync", 0), 0u) << help.out;

  const auto unknown = run({"--data", data.path(), "frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("Unknown command frobnicate"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("Usage: oneservice-sync"), std::string::npos) << unknown.err;

  const auto flag = run({"--data", data.path(), "--colour", "status"});
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.err.find("Unknown option --colour"), std::string::npos) << flag.err;
}

TEST_F(CliTest, AMissingCatalogueIsASetupProblemNamingTheFile) {
  const auto assets = data.file("empty-assets");
  std::filesystem::create_directory(assets);
  const auto result = run({"--data", data.path(), "--assets", assets, "enqueue"}, kPothole);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(assets + "/demo-council/catalogue.json"), std::string::npos) << result.err;
  EXPECT_EQ(status_json(), "{\"draft\":0,\"queued\":0,\"sending\":0,\"accepted\":0,\"needs_attention\":0}\n");
}

TEST_F(CliTest, ADamagedStoreIsAStoreError) {
  test::write_bytes(outbox_path(data.path()), std::string(8192, 'x'));
  const auto result = enqueue(kPothole);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("is damaged"), std::string::npos) << result.err;
  EXPECT_EQ(read_bytes(outbox_path(data.path())), std::string(8192, 'x'));
}
