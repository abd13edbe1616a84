#pragma once
// `oneservice-central report digest`: the weekly digest (central/public/
// digest.h) in every language central speaks, written as text and SVG files.
#include "central/case_store.h"
#include "central/cli/arguments.h"

namespace oneservice::central::cli {

int digest_command(const Arguments& args, CaseStore& store);

inline constexpr const char* kDigestUsage =
    "  report digest [--out DIR] [--public-url URL] [--assets DIR] [--council NAME] [--locale DIR]\n"
    "                                     writes digest-en.txt, digest-en.svg, digest-cy.txt, digest-cy.svg\n";

}  // namespace oneservice::central::cli
