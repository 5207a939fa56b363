// charset_probe PAGE...: how the HTML parser decodes each page (parse/charset.hpp), one
// line per page: path, the encoding the standard's sniffing algorithm chose, the encoding
// used (they differ where a label lied), "binary" or "text", and the decoded UTF-8 in hex.
// scripts/check-html5lib-encoding compares these with what html5lib-tests' encoding cases say the
// WHATWG algorithm gives.
#include "parse/charset.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    static const char* hex = "0123456789abcdef";
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::cerr << "charset_probe: " << argv[i] << ": cannot read\n";
            return 2;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        morgue::DecodedPage p = morgue::decode_html(ss.str(), "");
        std::string line = std::string(argv[i]) + '\t' + p.sniffed + '\t' + p.encoding + '\t' +
                           (p.binary ? "binary" : "text") + '\t';
        for (unsigned char c : p.text) {
            line += hex[c >> 4];
            line += hex[c & 15];
        }
        std::cout << line << '\n';
    }
    return 0;
}
