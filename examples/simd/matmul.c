// Float kernels: dot products and a 128x128 matrix multiply (f32), the shapes of an inference
// loop. Plain C that clang vectorizes at -O3 -msimd128 (over j, so no reduction is reordered).
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 128

static float a[N][N];
static float b[N][N];
static float c[N][N];

static void fill(void) {
  uint32_t seed = 42;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      seed = seed * 1664525u + 1013904223u;
      a[i][j] = (float) (seed >> 8) / 16777216.0f - 0.5f;
      seed = seed * 1664525u + 1013904223u;
      b[i][j] = (float) (seed >> 8) / 16777216.0f - 0.5f;
    }
  }
}

static void matmul(void) {
  memset(c, 0, sizeof c);
  for (int i = 0; i < N; i++) {
    for (int k = 0; k < N; k++) {
      float aik = a[i][k];
      for (int j = 0; j < N; j++) {
        c[i][j] += aik * b[k][j];
      }
    }
  }
}

/** Four dot products at once, lane by lane: sums[l] = sum over i of x[4i+l] * y[4i+l]. */
static void dot4(const float *x, const float *y, int n, float sums[4]) {
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (int i = 0; i < n; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  sums[0] = s0;
  sums[1] = s1;
  sums[2] = s2;
  sums[3] = s3;
}

__attribute__((export_name("run")))
uint32_t run(int rounds) {
  fill();
  for (int r = 0; r < rounds; r++) {
    matmul();
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        a[i][j] = c[i][j] * 0.125f; // keep the values bounded from round to round
      }
    }
  }
  float sums[4];
  dot4(&a[0][0], &b[0][0], N * N, sums);
  uint32_t hash = 2166136261u;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      uint32_t bits;
      memcpy(&bits, &c[i][j], 4);
      hash = (hash ^ bits) * 16777619u;
    }
  }
  for (int l = 0; l < 4; l++) {
    uint32_t bits;
    memcpy(&bits, &sums[l], 4);
    hash = (hash ^ bits) * 16777619u;
  }
  return hash;
}

int main(void) {
  printf("matmul: %08x\n", (unsigned) run(1));
  printf("c[0][0] = %.6f, c[77][3] = %.6f, c[127][127] = %.6f\n", c[0][0], c[77][3], c[127][127]);
  return 0;
}
