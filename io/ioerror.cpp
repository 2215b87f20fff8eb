#include "io/ioerror.h"

namespace mm {

std::string IoError::toString() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": " + message;
  return s;
}

}  // namespace mm
