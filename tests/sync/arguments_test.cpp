#include <gtest/gtest.h>

#include <sstream>

#include "sync/cli/arguments.h"
#include "sync/cli/commands.h"

using namespace oneservice::sync::cli;

TEST(Arguments, OptionsMayComeEitherSideOfTheCommand) {
  const auto a = parse_arguments({"--data", "/d", "status", "--json"});
  EXPECT_EQ(a.command, Command::Status);
  EXPECT_EQ(a.data_dir, "/d");
  EXPECT_TRUE(a.json);
  const auto b = parse_arguments({"enqueue", "--data=/d", "--assets=/a"});
  EXPECT_EQ(b.command, Command::Enqueue);
  EXPECT_EQ(b.data_dir, "/d");
  EXPECT_EQ(b.assets_dir, "/a");
  EXPECT_FALSE(b.json);
}

TEST(Arguments, HelpWinsOverEverythingElse) {
  EXPECT_EQ(parse_arguments({"--help"}).command, Command::Help);
  EXPECT_EQ(parse_arguments({"status", "-h"}).command, Command::Help);
}

TEST(Arguments, MistakesAreUsageErrors) {
  EXPECT_THROW(parse_arguments({}), UsageError);
  EXPECT_THROW(parse_arguments({"status"}), UsageError);                       // no --data
  EXPECT_THROW(parse_arguments({"--data"}), UsageError);                       // no folder
  EXPECT_THROW(parse_arguments({"--data", "--json", "status"}), UsageError);   // flag taken as folder
  EXPECT_THROW(parse_arguments({"--data", "/d", "frobnicate"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "status", "--media", "x.jpg"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "enqueue", "--retry-for", "5"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "push", "--retry-for", "soon"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "status", "--verbose"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "status", "enqueue"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "enqueue", "--json"}), UsageError);
}

TEST(Arguments, UsageListsOnlyTheCommandsThatExist) {
  const auto text = usage();
  EXPECT_NE(text.find("enqueue"), std::string::npos);
  EXPECT_NE(text.find("status"), std::string::npos);
  EXPECT_NE(text.find("push"), std::string::npos);
  EXPECT_NE(text.find("pull"), std::string::npos);
}

TEST(Arguments, PushTakesTheServerKeyAndRetryTime) {
  const auto parsed = parse_arguments(
      {"push", "--data", "/d", "--server", "https://council.example/open311/v2", "--api-key", "k", "--retry-for", "30",
       "--ca-bundle", "/etc/council-ca.pem"});
  EXPECT_EQ(parsed.command, Command::Push);
  EXPECT_EQ(parsed.server, "https://council.example/open311/v2");
  EXPECT_EQ(parsed.api_key, "k");
  EXPECT_EQ(parsed.retry_for_seconds, 30);
  EXPECT_EQ(parsed.ca_bundle, "/etc/council-ca.pem");
  EXPECT_EQ(parse_arguments({"pull", "--data", "/d"}).server, "http://127.0.0.1:8311/open311/v2");
  EXPECT_EQ(parse_arguments({"enqueue", "--data", "/d", "--media", "a.jpg", "--media", "b.png"}).media,
            (std::vector<std::string>{"a.jpg", "b.png"}));
}

TEST(Commands, HelpPrintsUsageAndSucceeds) {
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(run(Arguments{}, in, out, err), kExitOk);
  EXPECT_EQ(out.str(), usage());
  EXPECT_TRUE(err.str().empty());
}
