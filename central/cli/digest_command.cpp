#include "central/cli/digest_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "central/i18n/translator.h"
#include "central/public/digest.h"
#include "shared/catalogue_json.h"
#include "shared/routing.h"

namespace oneservice::central::cli {
namespace {

bool write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

int digest_command(const Arguments& args, CaseStore& store) {
  const auto council = args.flag("--council", "demo-council");
  const auto council_dir = args.flag("--assets", ONESERVICE_ASSETS_DIR) + "/" + council;
  const std::filesystem::path out_dir = args.flag("--out", ".");
  auto public_url = args.flag("--public-url", "http://127.0.0.1:8311");
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  try {
    const auto catalogue = load_catalogue_file(council_dir + "/catalogue.json");
    const auto boundaries = Boundaries::load_file(council_dir + "/boundaries.geojson");
    const i18n::Translators translators(args.flag("--locale", ONESERVICE_LOCALE_DIR), council);
    for (const auto& problem : translators.problems()) std::fprintf(stderr, "oneservice-central: %s\n", problem.c_str());
    const public_pages::Site site{store, catalogue, boundaries, translators, {"", public_url, false, ""}, Clock{}};
    std::error_code ignored;
    std::filesystem::create_directories(out_dir, ignored);
    for (const auto& language : i18n::languages()) {
      const auto digest = public_pages::weekly_digest(site, translators.get(language), Clock{}.now(), public_url);
      const auto text = out_dir / ("digest-" + language + ".txt");
      const auto svg = out_dir / ("digest-" + language + ".svg");
      if (!write_file(text, digest.text) || !write_file(svg, digest.svg)) {
        std::fprintf(stderr, "oneservice-central: cannot write the digest into %s\n", out_dir.c_str());
        return 2;
      }
      std::printf("%s\n%s\n", text.c_str(), svg.c_str());
    }
    return 0;
  } catch (const FormatError& error) {
    std::fprintf(stderr, "oneservice-central: %s\n", error.what());
  } catch (const std::runtime_error& error) {
    std::fprintf(stderr, "oneservice-central: %s\n", error.what());
  }
  return 2;
}

}  // namespace oneservice::central::cli
