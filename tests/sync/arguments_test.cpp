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
  EXPECT_THROW(parse_arguments({"--data", "/d", "push"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "status", "--verbose"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "status", "enqueue"}), UsageError);
  EXPECT_THROW(parse_arguments({"--data", "/d", "enqueue", "--json"}), UsageError);
}

TEST(Arguments, UsageListsOnlyTheCommandsThatExist) {
  const auto text = usage();
  EXPECT_NE(text.find("enqueue"), std::string::npos);
  EXPECT_NE(text.find("status"), std::string::npos);
  EXPECT_EQ(text.find("push"), std::string::npos);
  EXPECT_EQ(text.find("pull"), std::string::npos);
}

TEST(Commands, HelpPrintsUsageAndSucceeds) {
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(run(Arguments{}, in, out, err), kExitOk);
  EXPECT_EQ(out.str(), usage());
  EXPECT_TRUE(err.str().empty());
}
