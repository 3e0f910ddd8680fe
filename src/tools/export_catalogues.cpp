// Writes each compiled-in catalogue as a file (i18n::catalogueFile) into a folder: the web build's
// i18n/de.cat, fr.cat and es.cat, which the app fetches for its language.
//   export_catalogues DIR
#include "core/i18n.hpp"

#include <cstdio>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: export_catalogues DIR\n");
        return 2;
    }
    for (const plotline::i18n::Catalogue& c : plotline::i18n::catalogues()) {
        const std::string path = std::string(argv[1]) + "/" + c.code + ".cat";
        std::ofstream out(path, std::ios::binary);
        const std::string bytes = plotline::i18n::catalogueFile(c);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        if (!out) {
            std::fprintf(stderr, "%s: cannot write\n", path.c_str());
            return 1;
        }
    }
    return 0;
}
