// Byte statistics: a histogram of a 64 KiB buffer, counts of bytes in ranges, a sum of absolute
// differences between two buffers, and a 64-bit mixing hash. Plain C that clang vectorizes at
// -O3 -msimd128 (all but the histogram's scatter).
#include <stdint.h>
#include <stdio.h>

#define SIZE 65536

static uint8_t data[SIZE];
static uint8_t other[SIZE];
static uint32_t bins[256];

static void fill(uint32_t seed) {
  for (int i = 0; i < SIZE; i++) {
    seed = seed * 1664525u + 1013904223u;
    data[i] = (uint8_t) (seed >> 24);
    other[i] = (uint8_t) ((seed >> 16) ^ i);
  }
}

static uint32_t in_range(uint8_t lo, uint8_t hi) {
  uint32_t n = 0;
  for (int i = 0; i < SIZE; i++) {
    n += data[i] >= lo && data[i] < hi;
  }
  return n;
}

static uint32_t sad(void) {
  uint32_t sum = 0;
  for (int i = 0; i < SIZE; i++) {
    int d = data[i] - other[i];
    sum += d < 0 ? -d : d;
  }
  return sum;
}

static uint64_t mix(void) {
  const uint64_t *words = (const uint64_t *) data;
  uint64_t h = 0;
  for (int i = 0; i < SIZE / 8; i++) {
    h ^= (words[i] ^ (words[i] >> 29)) * 0x9E3779B97F4A7C15ull;
  }
  return h;
}

__attribute__((export_name("run")))
uint32_t run(int rounds) {
  uint32_t hash = 0;
  for (int r = 0; r < rounds; r++) {
    fill(7 + r);
    for (int b = 0; b < 256; b++) {
      bins[b] = 0;
    }
    for (int i = 0; i < SIZE; i++) {
      bins[data[i]]++;
    }
    uint64_t h = mix();
    hash = hash * 31 + bins[r & 255] + in_range(32, 96) + 3 * in_range(200, 255) + sad()
        + (uint32_t) h + (uint32_t) (h >> 32);
  }
  return hash;
}

int main(void) {
  printf("histogram: %08x\n", (unsigned) run(3));
  printf("bins: %u %u %u, in [32, 96): %u, sad: %u, mix: %016llx\n", bins[0], bins[128], bins[255],
      in_range(32, 96), sad(), (unsigned long long) mix());
  return 0;
}
