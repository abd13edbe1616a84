// A kiosk whose store is damaged says so, naming the file, and does not
// crash or touch the file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kiosk_driver.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"

using oneservice::kiosk::testing::KioskDriver;

TEST(KioskOutOfOrder, ADamagedStoreShowsAClearMessageAndKeepsTheFile) {
  const oneservice::test_support::TempFolder folder;
  const auto store = oneservice::sync::outbox_path(folder.path());
  const std::string garbage(4096, 'x');
  { std::ofstream(store, std::ios::binary) << garbage; }
  {
    KioskDriver kiosk(folder.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/KioskOutOfOrder", {},
                      /*expect_problem=*/true);
    kiosk.screenshot("damaged-store");
    EXPECT_TRUE(kiosk.shows("Sorry, this kiosk cannot take requests at the moment"));
    // No one can choose a language on this page: it is in both.
    EXPECT_TRUE(kiosk.shows("Mae’n ddrwg gennym, ni all y ciosg hwn dderbyn ceisiadau ar hyn o bryd"));
    EXPECT_TRUE(kiosk.shows("Gofynnwch i aelod o staff am help, neu cysylltwch â’r cyngor mewn ffordd arall."));
    EXPECT_TRUE(kiosk.shows(store));
    EXPECT_FALSE(kiosk.probe().find("Report a pothole"));
  }
  std::ifstream in(store, std::ios::binary);
  const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(after, garbage);
}
