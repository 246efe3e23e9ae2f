// An image filter: a 3x3 box blur of a 256x256 grayscale image, done twice per round, then a
// sharpen step (saturating arithmetic). Plain C that clang vectorizes at -O3 -msimd128.
#include <stdint.h>
#include <stdio.h>

#define W 256
#define H 256

static uint8_t image[H][W];
static uint8_t rows[H][W];
static uint8_t out[H][W];

static void fill(uint32_t seed) {
  for (int y = 0; y < H; y++) {
    for (int x = 0; x < W; x++) {
      seed = seed * 1664525u + 1013904223u;
      image[y][x] = (uint8_t) ((x ^ y) + (seed >> 28));
    }
  }
}

/** Horizontal then vertical 3-tap sums; the borders are copied. */
static void blur(uint8_t (*src)[W], uint8_t (*dst)[W]) {
  for (int y = 0; y < H; y++) {
    rows[y][0] = src[y][0];
    rows[y][W - 1] = src[y][W - 1];
    for (int x = 1; x < W - 1; x++) {
      rows[y][x] = (uint8_t) ((src[y][x - 1] + src[y][x] + src[y][x + 1]) / 3);
    }
  }
  for (int x = 0; x < W; x++) {
    dst[0][x] = rows[0][x];
    dst[H - 1][x] = rows[H - 1][x];
  }
  for (int y = 1; y < H - 1; y++) {
    for (int x = 0; x < W; x++) {
      dst[y][x] = (uint8_t) ((rows[y - 1][x] + rows[y][x] + rows[y + 1][x]) / 3);
    }
  }
}

/** image = clamp(2 * image - blurred), saturating. */
static void sharpen(void) {
  for (int y = 0; y < H; y++) {
    for (int x = 0; x < W; x++) {
      int v = 2 * image[y][x] - out[y][x];
      image[y][x] = (uint8_t) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
  }
}

__attribute__((export_name("run")))
uint32_t run(int rounds) {
  fill(12345);
  for (int r = 0; r < rounds; r++) {
    blur(image, out);
    blur(out, out);
    sharpen();
  }
  uint32_t hash = 2166136261u;
  for (int y = 0; y < H; y++) {
    for (int x = 0; x < W; x++) {
      hash = (hash ^ image[y][x]) * 16777619u;
    }
  }
  return hash;
}

int main(void) {
  printf("blur: %08x\n", (unsigned) run(4));
  printf("pixels: %d %d %d %d\n", image[0][0], image[17][31], image[128][128], image[255][255]);
  return 0;
}
