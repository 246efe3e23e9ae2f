package org.wasmj.ir;

/**
 * The ordinal of every {@link Op}, as compile-time constants for executors' {@code switch}
 * statements. Generated from {@link Op} by {@code OpCodesTest}, which fails when this file is
 * stale; do not edit.
 */
public final class OpCodes {
  private OpCodes() {}

  /** {@link Op#COPY_RR}. */
  public static final int COPY_RR = 0;
  /** {@link Op#CONST32_RI}. */
  public static final int CONST32_RI = 1;
  /** {@link Op#CONST64_RL}. */
  public static final int CONST64_RL = 2;
  /** {@link Op#SELECT_RRRR}. */
  public static final int SELECT_RRRR = 3;
  /** {@link Op#UNREACHABLE}. */
  public static final int UNREACHABLE = 4;
  /** {@link Op#RETURN}. */
  public static final int RETURN = 5;
  /** {@link Op#RETURN_R}. */
  public static final int RETURN_R = 6;
  /** {@link Op#RETURN_SPAN_RI}. */
  public static final int RETURN_SPAN_RI = 7;
  /** {@link Op#COUNT_LOOP}. */
  public static final int COUNT_LOOP = 8;
  /** {@link Op#BR_T}. */
  public static final int BR_T = 9;
  /** {@link Op#BR_EQZ_RT}. */
  public static final int BR_EQZ_RT = 10;
  /** {@link Op#BR_NEZ_RT}. */
  public static final int BR_NEZ_RT = 11;
  /** {@link Op#BR_I64_EQZ_RT}. */
  public static final int BR_I64_EQZ_RT = 12;
  /** {@link Op#BR_I64_NEZ_RT}. */
  public static final int BR_I64_NEZ_RT = 13;
  /** {@link Op#BR_TABLE_RI}. */
  public static final int BR_TABLE_RI = 14;
  /** {@link Op#CALL_XR}. */
  public static final int CALL_XR = 15;
  /** {@link Op#CALL_INDIRECT_XXRR}. */
  public static final int CALL_INDIRECT_XXRR = 16;
  /** {@link Op#RETURN_CALL_XR}. */
  public static final int RETURN_CALL_XR = 17;
  /** {@link Op#RETURN_CALL_INDIRECT_XXRR}. */
  public static final int RETURN_CALL_INDIRECT_XXRR = 18;
  /** {@link Op#GLOBAL_GET_RX}. */
  public static final int GLOBAL_GET_RX = 19;
  /** {@link Op#GLOBAL_SET_XR}. */
  public static final int GLOBAL_SET_XR = 20;
  /** {@link Op#REF_FUNC_RX}. */
  public static final int REF_FUNC_RX = 21;
  /** {@link Op#TABLE_GET_RRX}. */
  public static final int TABLE_GET_RRX = 22;
  /** {@link Op#TABLE_SET_RRX}. */
  public static final int TABLE_SET_RRX = 23;
  /** {@link Op#TABLE_SIZE_RX}. */
  public static final int TABLE_SIZE_RX = 24;
  /** {@link Op#TABLE_GROW_RRRX}. */
  public static final int TABLE_GROW_RRRX = 25;
  /** {@link Op#TABLE_FILL_RRRX}. */
  public static final int TABLE_FILL_RRRX = 26;
  /** {@link Op#TABLE_COPY_RRRXX}. */
  public static final int TABLE_COPY_RRRXX = 27;
  /** {@link Op#TABLE_INIT_RRRXX}. */
  public static final int TABLE_INIT_RRRXX = 28;
  /** {@link Op#ELEM_DROP_X}. */
  public static final int ELEM_DROP_X = 29;
  /** {@link Op#MEMORY_SIZE_RX}. */
  public static final int MEMORY_SIZE_RX = 30;
  /** {@link Op#MEMORY_GROW_RRX}. */
  public static final int MEMORY_GROW_RRX = 31;
  /** {@link Op#MEMORY_FILL_RRRX}. */
  public static final int MEMORY_FILL_RRRX = 32;
  /** {@link Op#MEMORY_COPY_RRRXX}. */
  public static final int MEMORY_COPY_RRRXX = 33;
  /** {@link Op#MEMORY_INIT_RRRXX}. */
  public static final int MEMORY_INIT_RRRXX = 34;
  /** {@link Op#DATA_DROP_X}. */
  public static final int DATA_DROP_X = 35;
  /** {@link Op#I32_LOAD_RRI}. */
  public static final int I32_LOAD_RRI = 36;
  /** {@link Op#I64_LOAD_RRI}. */
  public static final int I64_LOAD_RRI = 37;
  /** {@link Op#F32_LOAD_RRI}. */
  public static final int F32_LOAD_RRI = 38;
  /** {@link Op#F64_LOAD_RRI}. */
  public static final int F64_LOAD_RRI = 39;
  /** {@link Op#I32_LOAD8_S_RRI}. */
  public static final int I32_LOAD8_S_RRI = 40;
  /** {@link Op#I32_LOAD8_U_RRI}. */
  public static final int I32_LOAD8_U_RRI = 41;
  /** {@link Op#I32_LOAD16_S_RRI}. */
  public static final int I32_LOAD16_S_RRI = 42;
  /** {@link Op#I32_LOAD16_U_RRI}. */
  public static final int I32_LOAD16_U_RRI = 43;
  /** {@link Op#I64_LOAD8_S_RRI}. */
  public static final int I64_LOAD8_S_RRI = 44;
  /** {@link Op#I64_LOAD8_U_RRI}. */
  public static final int I64_LOAD8_U_RRI = 45;
  /** {@link Op#I64_LOAD16_S_RRI}. */
  public static final int I64_LOAD16_S_RRI = 46;
  /** {@link Op#I64_LOAD16_U_RRI}. */
  public static final int I64_LOAD16_U_RRI = 47;
  /** {@link Op#I64_LOAD32_S_RRI}. */
  public static final int I64_LOAD32_S_RRI = 48;
  /** {@link Op#I64_LOAD32_U_RRI}. */
  public static final int I64_LOAD32_U_RRI = 49;
  /** {@link Op#I32_STORE_RRI}. */
  public static final int I32_STORE_RRI = 50;
  /** {@link Op#I64_STORE_RRI}. */
  public static final int I64_STORE_RRI = 51;
  /** {@link Op#F32_STORE_RRI}. */
  public static final int F32_STORE_RRI = 52;
  /** {@link Op#F64_STORE_RRI}. */
  public static final int F64_STORE_RRI = 53;
  /** {@link Op#I32_STORE8_RRI}. */
  public static final int I32_STORE8_RRI = 54;
  /** {@link Op#I32_STORE16_RRI}. */
  public static final int I32_STORE16_RRI = 55;
  /** {@link Op#I64_STORE8_RRI}. */
  public static final int I64_STORE8_RRI = 56;
  /** {@link Op#I64_STORE16_RRI}. */
  public static final int I64_STORE16_RRI = 57;
  /** {@link Op#I64_STORE32_RRI}. */
  public static final int I64_STORE32_RRI = 58;
  /** {@link Op#I32_LOAD_RRRI}. */
  public static final int I32_LOAD_RRRI = 59;
  /** {@link Op#I64_LOAD_RRRI}. */
  public static final int I64_LOAD_RRRI = 60;
  /** {@link Op#F32_LOAD_RRRI}. */
  public static final int F32_LOAD_RRRI = 61;
  /** {@link Op#F64_LOAD_RRRI}. */
  public static final int F64_LOAD_RRRI = 62;
  /** {@link Op#I32_LOAD8_S_RRRI}. */
  public static final int I32_LOAD8_S_RRRI = 63;
  /** {@link Op#I32_LOAD8_U_RRRI}. */
  public static final int I32_LOAD8_U_RRRI = 64;
  /** {@link Op#I32_LOAD16_S_RRRI}. */
  public static final int I32_LOAD16_S_RRRI = 65;
  /** {@link Op#I32_LOAD16_U_RRRI}. */
  public static final int I32_LOAD16_U_RRRI = 66;
  /** {@link Op#I64_LOAD8_S_RRRI}. */
  public static final int I64_LOAD8_S_RRRI = 67;
  /** {@link Op#I64_LOAD8_U_RRRI}. */
  public static final int I64_LOAD8_U_RRRI = 68;
  /** {@link Op#I64_LOAD16_S_RRRI}. */
  public static final int I64_LOAD16_S_RRRI = 69;
  /** {@link Op#I64_LOAD16_U_RRRI}. */
  public static final int I64_LOAD16_U_RRRI = 70;
  /** {@link Op#I64_LOAD32_S_RRRI}. */
  public static final int I64_LOAD32_S_RRRI = 71;
  /** {@link Op#I64_LOAD32_U_RRRI}. */
  public static final int I64_LOAD32_U_RRRI = 72;
  /** {@link Op#I32_LOAD_RRII}. */
  public static final int I32_LOAD_RRII = 73;
  /** {@link Op#I64_LOAD_RRII}. */
  public static final int I64_LOAD_RRII = 74;
  /** {@link Op#F32_LOAD_RRII}. */
  public static final int F32_LOAD_RRII = 75;
  /** {@link Op#F64_LOAD_RRII}. */
  public static final int F64_LOAD_RRII = 76;
  /** {@link Op#I32_LOAD8_S_RRII}. */
  public static final int I32_LOAD8_S_RRII = 77;
  /** {@link Op#I32_LOAD8_U_RRII}. */
  public static final int I32_LOAD8_U_RRII = 78;
  /** {@link Op#I32_LOAD16_S_RRII}. */
  public static final int I32_LOAD16_S_RRII = 79;
  /** {@link Op#I32_LOAD16_U_RRII}. */
  public static final int I32_LOAD16_U_RRII = 80;
  /** {@link Op#I64_LOAD8_S_RRII}. */
  public static final int I64_LOAD8_S_RRII = 81;
  /** {@link Op#I64_LOAD8_U_RRII}. */
  public static final int I64_LOAD8_U_RRII = 82;
  /** {@link Op#I64_LOAD16_S_RRII}. */
  public static final int I64_LOAD16_S_RRII = 83;
  /** {@link Op#I64_LOAD16_U_RRII}. */
  public static final int I64_LOAD16_U_RRII = 84;
  /** {@link Op#I64_LOAD32_S_RRII}. */
  public static final int I64_LOAD32_S_RRII = 85;
  /** {@link Op#I64_LOAD32_U_RRII}. */
  public static final int I64_LOAD32_U_RRII = 86;
  /** {@link Op#I32_STORE_RRRI}. */
  public static final int I32_STORE_RRRI = 87;
  /** {@link Op#I64_STORE_RRRI}. */
  public static final int I64_STORE_RRRI = 88;
  /** {@link Op#F32_STORE_RRRI}. */
  public static final int F32_STORE_RRRI = 89;
  /** {@link Op#F64_STORE_RRRI}. */
  public static final int F64_STORE_RRRI = 90;
  /** {@link Op#I32_STORE8_RRRI}. */
  public static final int I32_STORE8_RRRI = 91;
  /** {@link Op#I32_STORE16_RRRI}. */
  public static final int I32_STORE16_RRRI = 92;
  /** {@link Op#I64_STORE8_RRRI}. */
  public static final int I64_STORE8_RRRI = 93;
  /** {@link Op#I64_STORE16_RRRI}. */
  public static final int I64_STORE16_RRRI = 94;
  /** {@link Op#I64_STORE32_RRRI}. */
  public static final int I64_STORE32_RRRI = 95;
  /** {@link Op#I32_STORE_RIRI}. */
  public static final int I32_STORE_RIRI = 96;
  /** {@link Op#I64_STORE_RIRI}. */
  public static final int I64_STORE_RIRI = 97;
  /** {@link Op#F32_STORE_RIRI}. */
  public static final int F32_STORE_RIRI = 98;
  /** {@link Op#F64_STORE_RIRI}. */
  public static final int F64_STORE_RIRI = 99;
  /** {@link Op#I32_STORE8_RIRI}. */
  public static final int I32_STORE8_RIRI = 100;
  /** {@link Op#I32_STORE16_RIRI}. */
  public static final int I32_STORE16_RIRI = 101;
  /** {@link Op#I64_STORE8_RIRI}. */
  public static final int I64_STORE8_RIRI = 102;
  /** {@link Op#I64_STORE16_RIRI}. */
  public static final int I64_STORE16_RIRI = 103;
  /** {@link Op#I64_STORE32_RIRI}. */
  public static final int I64_STORE32_RIRI = 104;
  /** {@link Op#BR_I32_EQ_RRT}. */
  public static final int BR_I32_EQ_RRT = 105;
  /** {@link Op#BR_I32_NE_RRT}. */
  public static final int BR_I32_NE_RRT = 106;
  /** {@link Op#BR_I32_LT_S_RRT}. */
  public static final int BR_I32_LT_S_RRT = 107;
  /** {@link Op#BR_I32_LT_U_RRT}. */
  public static final int BR_I32_LT_U_RRT = 108;
  /** {@link Op#BR_I32_GT_S_RRT}. */
  public static final int BR_I32_GT_S_RRT = 109;
  /** {@link Op#BR_I32_GT_U_RRT}. */
  public static final int BR_I32_GT_U_RRT = 110;
  /** {@link Op#BR_I32_LE_S_RRT}. */
  public static final int BR_I32_LE_S_RRT = 111;
  /** {@link Op#BR_I32_LE_U_RRT}. */
  public static final int BR_I32_LE_U_RRT = 112;
  /** {@link Op#BR_I32_GE_S_RRT}. */
  public static final int BR_I32_GE_S_RRT = 113;
  /** {@link Op#BR_I32_GE_U_RRT}. */
  public static final int BR_I32_GE_U_RRT = 114;
  /** {@link Op#BR_I32_EQ_RIT}. */
  public static final int BR_I32_EQ_RIT = 115;
  /** {@link Op#BR_I32_NE_RIT}. */
  public static final int BR_I32_NE_RIT = 116;
  /** {@link Op#BR_I32_LT_S_RIT}. */
  public static final int BR_I32_LT_S_RIT = 117;
  /** {@link Op#BR_I32_LT_U_RIT}. */
  public static final int BR_I32_LT_U_RIT = 118;
  /** {@link Op#BR_I32_GT_S_RIT}. */
  public static final int BR_I32_GT_S_RIT = 119;
  /** {@link Op#BR_I32_GT_U_RIT}. */
  public static final int BR_I32_GT_U_RIT = 120;
  /** {@link Op#BR_I32_LE_S_RIT}. */
  public static final int BR_I32_LE_S_RIT = 121;
  /** {@link Op#BR_I32_LE_U_RIT}. */
  public static final int BR_I32_LE_U_RIT = 122;
  /** {@link Op#BR_I32_GE_S_RIT}. */
  public static final int BR_I32_GE_S_RIT = 123;
  /** {@link Op#BR_I32_GE_U_RIT}. */
  public static final int BR_I32_GE_U_RIT = 124;
  /** {@link Op#BR_I64_EQ_RRT}. */
  public static final int BR_I64_EQ_RRT = 125;
  /** {@link Op#BR_I64_NE_RRT}. */
  public static final int BR_I64_NE_RRT = 126;
  /** {@link Op#BR_I64_LT_S_RRT}. */
  public static final int BR_I64_LT_S_RRT = 127;
  /** {@link Op#BR_I64_LT_U_RRT}. */
  public static final int BR_I64_LT_U_RRT = 128;
  /** {@link Op#BR_I64_GT_S_RRT}. */
  public static final int BR_I64_GT_S_RRT = 129;
  /** {@link Op#BR_I64_GT_U_RRT}. */
  public static final int BR_I64_GT_U_RRT = 130;
  /** {@link Op#BR_I64_LE_S_RRT}. */
  public static final int BR_I64_LE_S_RRT = 131;
  /** {@link Op#BR_I64_LE_U_RRT}. */
  public static final int BR_I64_LE_U_RRT = 132;
  /** {@link Op#BR_I64_GE_S_RRT}. */
  public static final int BR_I64_GE_S_RRT = 133;
  /** {@link Op#BR_I64_GE_U_RRT}. */
  public static final int BR_I64_GE_U_RRT = 134;
  /** {@link Op#I32_EQZ_RR}. */
  public static final int I32_EQZ_RR = 135;
  /** {@link Op#I32_EQ_RRR}. */
  public static final int I32_EQ_RRR = 136;
  /** {@link Op#I32_EQ_RRI}. */
  public static final int I32_EQ_RRI = 137;
  /** {@link Op#I32_NE_RRR}. */
  public static final int I32_NE_RRR = 138;
  /** {@link Op#I32_NE_RRI}. */
  public static final int I32_NE_RRI = 139;
  /** {@link Op#I32_LT_S_RRR}. */
  public static final int I32_LT_S_RRR = 140;
  /** {@link Op#I32_LT_S_RRI}. */
  public static final int I32_LT_S_RRI = 141;
  /** {@link Op#I32_LT_U_RRR}. */
  public static final int I32_LT_U_RRR = 142;
  /** {@link Op#I32_LT_U_RRI}. */
  public static final int I32_LT_U_RRI = 143;
  /** {@link Op#I32_GT_S_RRR}. */
  public static final int I32_GT_S_RRR = 144;
  /** {@link Op#I32_GT_S_RRI}. */
  public static final int I32_GT_S_RRI = 145;
  /** {@link Op#I32_GT_U_RRR}. */
  public static final int I32_GT_U_RRR = 146;
  /** {@link Op#I32_GT_U_RRI}. */
  public static final int I32_GT_U_RRI = 147;
  /** {@link Op#I32_LE_S_RRR}. */
  public static final int I32_LE_S_RRR = 148;
  /** {@link Op#I32_LE_S_RRI}. */
  public static final int I32_LE_S_RRI = 149;
  /** {@link Op#I32_LE_U_RRR}. */
  public static final int I32_LE_U_RRR = 150;
  /** {@link Op#I32_LE_U_RRI}. */
  public static final int I32_LE_U_RRI = 151;
  /** {@link Op#I32_GE_S_RRR}. */
  public static final int I32_GE_S_RRR = 152;
  /** {@link Op#I32_GE_S_RRI}. */
  public static final int I32_GE_S_RRI = 153;
  /** {@link Op#I32_GE_U_RRR}. */
  public static final int I32_GE_U_RRR = 154;
  /** {@link Op#I32_GE_U_RRI}. */
  public static final int I32_GE_U_RRI = 155;
  /** {@link Op#I64_EQZ_RR}. */
  public static final int I64_EQZ_RR = 156;
  /** {@link Op#I64_EQ_RRR}. */
  public static final int I64_EQ_RRR = 157;
  /** {@link Op#I64_NE_RRR}. */
  public static final int I64_NE_RRR = 158;
  /** {@link Op#I64_LT_S_RRR}. */
  public static final int I64_LT_S_RRR = 159;
  /** {@link Op#I64_LT_U_RRR}. */
  public static final int I64_LT_U_RRR = 160;
  /** {@link Op#I64_GT_S_RRR}. */
  public static final int I64_GT_S_RRR = 161;
  /** {@link Op#I64_GT_U_RRR}. */
  public static final int I64_GT_U_RRR = 162;
  /** {@link Op#I64_LE_S_RRR}. */
  public static final int I64_LE_S_RRR = 163;
  /** {@link Op#I64_LE_U_RRR}. */
  public static final int I64_LE_U_RRR = 164;
  /** {@link Op#I64_GE_S_RRR}. */
  public static final int I64_GE_S_RRR = 165;
  /** {@link Op#I64_GE_U_RRR}. */
  public static final int I64_GE_U_RRR = 166;
  /** {@link Op#F32_EQ_RRR}. */
  public static final int F32_EQ_RRR = 167;
  /** {@link Op#F32_NE_RRR}. */
  public static final int F32_NE_RRR = 168;
  /** {@link Op#F32_LT_RRR}. */
  public static final int F32_LT_RRR = 169;
  /** {@link Op#F32_GT_RRR}. */
  public static final int F32_GT_RRR = 170;
  /** {@link Op#F32_LE_RRR}. */
  public static final int F32_LE_RRR = 171;
  /** {@link Op#F32_GE_RRR}. */
  public static final int F32_GE_RRR = 172;
  /** {@link Op#F64_EQ_RRR}. */
  public static final int F64_EQ_RRR = 173;
  /** {@link Op#F64_NE_RRR}. */
  public static final int F64_NE_RRR = 174;
  /** {@link Op#F64_LT_RRR}. */
  public static final int F64_LT_RRR = 175;
  /** {@link Op#F64_GT_RRR}. */
  public static final int F64_GT_RRR = 176;
  /** {@link Op#F64_LE_RRR}. */
  public static final int F64_LE_RRR = 177;
  /** {@link Op#F64_GE_RRR}. */
  public static final int F64_GE_RRR = 178;
  /** {@link Op#I32_CLZ_RR}. */
  public static final int I32_CLZ_RR = 179;
  /** {@link Op#I32_CTZ_RR}. */
  public static final int I32_CTZ_RR = 180;
  /** {@link Op#I32_POPCNT_RR}. */
  public static final int I32_POPCNT_RR = 181;
  /** {@link Op#I32_ADD_RRR}. */
  public static final int I32_ADD_RRR = 182;
  /** {@link Op#I32_ADD_RRI}. */
  public static final int I32_ADD_RRI = 183;
  /** {@link Op#I32_SUB_RRR}. */
  public static final int I32_SUB_RRR = 184;
  /** {@link Op#I32_SUB_RRI}. */
  public static final int I32_SUB_RRI = 185;
  /** {@link Op#I32_MUL_RRR}. */
  public static final int I32_MUL_RRR = 186;
  /** {@link Op#I32_MUL_RRI}. */
  public static final int I32_MUL_RRI = 187;
  /** {@link Op#I32_DIV_S_RRR}. */
  public static final int I32_DIV_S_RRR = 188;
  /** {@link Op#I32_DIV_U_RRR}. */
  public static final int I32_DIV_U_RRR = 189;
  /** {@link Op#I32_REM_S_RRR}. */
  public static final int I32_REM_S_RRR = 190;
  /** {@link Op#I32_REM_U_RRR}. */
  public static final int I32_REM_U_RRR = 191;
  /** {@link Op#I32_AND_RRR}. */
  public static final int I32_AND_RRR = 192;
  /** {@link Op#I32_AND_RRI}. */
  public static final int I32_AND_RRI = 193;
  /** {@link Op#I32_OR_RRR}. */
  public static final int I32_OR_RRR = 194;
  /** {@link Op#I32_OR_RRI}. */
  public static final int I32_OR_RRI = 195;
  /** {@link Op#I32_XOR_RRR}. */
  public static final int I32_XOR_RRR = 196;
  /** {@link Op#I32_XOR_RRI}. */
  public static final int I32_XOR_RRI = 197;
  /** {@link Op#I32_SHL_RRR}. */
  public static final int I32_SHL_RRR = 198;
  /** {@link Op#I32_SHL_RRI}. */
  public static final int I32_SHL_RRI = 199;
  /** {@link Op#I32_SHR_S_RRR}. */
  public static final int I32_SHR_S_RRR = 200;
  /** {@link Op#I32_SHR_S_RRI}. */
  public static final int I32_SHR_S_RRI = 201;
  /** {@link Op#I32_SHR_U_RRR}. */
  public static final int I32_SHR_U_RRR = 202;
  /** {@link Op#I32_SHR_U_RRI}. */
  public static final int I32_SHR_U_RRI = 203;
  /** {@link Op#I32_ROTL_RRR}. */
  public static final int I32_ROTL_RRR = 204;
  /** {@link Op#I32_ROTL_RRI}. */
  public static final int I32_ROTL_RRI = 205;
  /** {@link Op#I32_ROTR_RRR}. */
  public static final int I32_ROTR_RRR = 206;
  /** {@link Op#I32_ROTR_RRI}. */
  public static final int I32_ROTR_RRI = 207;
  /** {@link Op#I64_CLZ_RR}. */
  public static final int I64_CLZ_RR = 208;
  /** {@link Op#I64_CTZ_RR}. */
  public static final int I64_CTZ_RR = 209;
  /** {@link Op#I64_POPCNT_RR}. */
  public static final int I64_POPCNT_RR = 210;
  /** {@link Op#I64_ADD_RRR}. */
  public static final int I64_ADD_RRR = 211;
  /** {@link Op#I64_ADD_RRI}. */
  public static final int I64_ADD_RRI = 212;
  /** {@link Op#I64_SUB_RRR}. */
  public static final int I64_SUB_RRR = 213;
  /** {@link Op#I64_SUB_RRI}. */
  public static final int I64_SUB_RRI = 214;
  /** {@link Op#I64_MUL_RRR}. */
  public static final int I64_MUL_RRR = 215;
  /** {@link Op#I64_MUL_RRI}. */
  public static final int I64_MUL_RRI = 216;
  /** {@link Op#I64_DIV_S_RRR}. */
  public static final int I64_DIV_S_RRR = 217;
  /** {@link Op#I64_DIV_U_RRR}. */
  public static final int I64_DIV_U_RRR = 218;
  /** {@link Op#I64_REM_S_RRR}. */
  public static final int I64_REM_S_RRR = 219;
  /** {@link Op#I64_REM_U_RRR}. */
  public static final int I64_REM_U_RRR = 220;
  /** {@link Op#I64_AND_RRR}. */
  public static final int I64_AND_RRR = 221;
  /** {@link Op#I64_AND_RRI}. */
  public static final int I64_AND_RRI = 222;
  /** {@link Op#I64_OR_RRR}. */
  public static final int I64_OR_RRR = 223;
  /** {@link Op#I64_OR_RRI}. */
  public static final int I64_OR_RRI = 224;
  /** {@link Op#I64_XOR_RRR}. */
  public static final int I64_XOR_RRR = 225;
  /** {@link Op#I64_XOR_RRI}. */
  public static final int I64_XOR_RRI = 226;
  /** {@link Op#I64_SHL_RRR}. */
  public static final int I64_SHL_RRR = 227;
  /** {@link Op#I64_SHL_RRI}. */
  public static final int I64_SHL_RRI = 228;
  /** {@link Op#I64_SHR_S_RRR}. */
  public static final int I64_SHR_S_RRR = 229;
  /** {@link Op#I64_SHR_S_RRI}. */
  public static final int I64_SHR_S_RRI = 230;
  /** {@link Op#I64_SHR_U_RRR}. */
  public static final int I64_SHR_U_RRR = 231;
  /** {@link Op#I64_SHR_U_RRI}. */
  public static final int I64_SHR_U_RRI = 232;
  /** {@link Op#I64_ROTL_RRR}. */
  public static final int I64_ROTL_RRR = 233;
  /** {@link Op#I64_ROTL_RRI}. */
  public static final int I64_ROTL_RRI = 234;
  /** {@link Op#I64_ROTR_RRR}. */
  public static final int I64_ROTR_RRR = 235;
  /** {@link Op#I64_ROTR_RRI}. */
  public static final int I64_ROTR_RRI = 236;
  /** {@link Op#F32_ABS_RR}. */
  public static final int F32_ABS_RR = 237;
  /** {@link Op#F32_NEG_RR}. */
  public static final int F32_NEG_RR = 238;
  /** {@link Op#F32_CEIL_RR}. */
  public static final int F32_CEIL_RR = 239;
  /** {@link Op#F32_FLOOR_RR}. */
  public static final int F32_FLOOR_RR = 240;
  /** {@link Op#F32_TRUNC_RR}. */
  public static final int F32_TRUNC_RR = 241;
  /** {@link Op#F32_NEAREST_RR}. */
  public static final int F32_NEAREST_RR = 242;
  /** {@link Op#F32_SQRT_RR}. */
  public static final int F32_SQRT_RR = 243;
  /** {@link Op#F32_ADD_RRR}. */
  public static final int F32_ADD_RRR = 244;
  /** {@link Op#F32_SUB_RRR}. */
  public static final int F32_SUB_RRR = 245;
  /** {@link Op#F32_MUL_RRR}. */
  public static final int F32_MUL_RRR = 246;
  /** {@link Op#F32_DIV_RRR}. */
  public static final int F32_DIV_RRR = 247;
  /** {@link Op#F32_MIN_RRR}. */
  public static final int F32_MIN_RRR = 248;
  /** {@link Op#F32_MAX_RRR}. */
  public static final int F32_MAX_RRR = 249;
  /** {@link Op#F32_COPYSIGN_RRR}. */
  public static final int F32_COPYSIGN_RRR = 250;
  /** {@link Op#F64_ABS_RR}. */
  public static final int F64_ABS_RR = 251;
  /** {@link Op#F64_NEG_RR}. */
  public static final int F64_NEG_RR = 252;
  /** {@link Op#F64_CEIL_RR}. */
  public static final int F64_CEIL_RR = 253;
  /** {@link Op#F64_FLOOR_RR}. */
  public static final int F64_FLOOR_RR = 254;
  /** {@link Op#F64_TRUNC_RR}. */
  public static final int F64_TRUNC_RR = 255;
  /** {@link Op#F64_NEAREST_RR}. */
  public static final int F64_NEAREST_RR = 256;
  /** {@link Op#F64_SQRT_RR}. */
  public static final int F64_SQRT_RR = 257;
  /** {@link Op#F64_ADD_RRR}. */
  public static final int F64_ADD_RRR = 258;
  /** {@link Op#F64_SUB_RRR}. */
  public static final int F64_SUB_RRR = 259;
  /** {@link Op#F64_MUL_RRR}. */
  public static final int F64_MUL_RRR = 260;
  /** {@link Op#F64_DIV_RRR}. */
  public static final int F64_DIV_RRR = 261;
  /** {@link Op#F64_MIN_RRR}. */
  public static final int F64_MIN_RRR = 262;
  /** {@link Op#F64_MAX_RRR}. */
  public static final int F64_MAX_RRR = 263;
  /** {@link Op#F64_COPYSIGN_RRR}. */
  public static final int F64_COPYSIGN_RRR = 264;
  /** {@link Op#I32_WRAP_I64_RR}. */
  public static final int I32_WRAP_I64_RR = 265;
  /** {@link Op#I32_TRUNC_F32_S_RR}. */
  public static final int I32_TRUNC_F32_S_RR = 266;
  /** {@link Op#I32_TRUNC_F32_U_RR}. */
  public static final int I32_TRUNC_F32_U_RR = 267;
  /** {@link Op#I32_TRUNC_F64_S_RR}. */
  public static final int I32_TRUNC_F64_S_RR = 268;
  /** {@link Op#I32_TRUNC_F64_U_RR}. */
  public static final int I32_TRUNC_F64_U_RR = 269;
  /** {@link Op#I64_EXTEND_I32_S_RR}. */
  public static final int I64_EXTEND_I32_S_RR = 270;
  /** {@link Op#I64_EXTEND_I32_U_RR}. */
  public static final int I64_EXTEND_I32_U_RR = 271;
  /** {@link Op#I64_TRUNC_F32_S_RR}. */
  public static final int I64_TRUNC_F32_S_RR = 272;
  /** {@link Op#I64_TRUNC_F32_U_RR}. */
  public static final int I64_TRUNC_F32_U_RR = 273;
  /** {@link Op#I64_TRUNC_F64_S_RR}. */
  public static final int I64_TRUNC_F64_S_RR = 274;
  /** {@link Op#I64_TRUNC_F64_U_RR}. */
  public static final int I64_TRUNC_F64_U_RR = 275;
  /** {@link Op#F32_CONVERT_I32_S_RR}. */
  public static final int F32_CONVERT_I32_S_RR = 276;
  /** {@link Op#F32_CONVERT_I32_U_RR}. */
  public static final int F32_CONVERT_I32_U_RR = 277;
  /** {@link Op#F32_CONVERT_I64_S_RR}. */
  public static final int F32_CONVERT_I64_S_RR = 278;
  /** {@link Op#F32_CONVERT_I64_U_RR}. */
  public static final int F32_CONVERT_I64_U_RR = 279;
  /** {@link Op#F32_DEMOTE_F64_RR}. */
  public static final int F32_DEMOTE_F64_RR = 280;
  /** {@link Op#F64_CONVERT_I32_S_RR}. */
  public static final int F64_CONVERT_I32_S_RR = 281;
  /** {@link Op#F64_CONVERT_I32_U_RR}. */
  public static final int F64_CONVERT_I32_U_RR = 282;
  /** {@link Op#F64_CONVERT_I64_S_RR}. */
  public static final int F64_CONVERT_I64_S_RR = 283;
  /** {@link Op#F64_CONVERT_I64_U_RR}. */
  public static final int F64_CONVERT_I64_U_RR = 284;
  /** {@link Op#F64_PROMOTE_F32_RR}. */
  public static final int F64_PROMOTE_F32_RR = 285;
  /** {@link Op#I32_REINTERPRET_F32_RR}. */
  public static final int I32_REINTERPRET_F32_RR = 286;
  /** {@link Op#I64_REINTERPRET_F64_RR}. */
  public static final int I64_REINTERPRET_F64_RR = 287;
  /** {@link Op#F32_REINTERPRET_I32_RR}. */
  public static final int F32_REINTERPRET_I32_RR = 288;
  /** {@link Op#F64_REINTERPRET_I64_RR}. */
  public static final int F64_REINTERPRET_I64_RR = 289;
  /** {@link Op#I32_EXTEND8_S_RR}. */
  public static final int I32_EXTEND8_S_RR = 290;
  /** {@link Op#I32_EXTEND16_S_RR}. */
  public static final int I32_EXTEND16_S_RR = 291;
  /** {@link Op#I64_EXTEND8_S_RR}. */
  public static final int I64_EXTEND8_S_RR = 292;
  /** {@link Op#I64_EXTEND16_S_RR}. */
  public static final int I64_EXTEND16_S_RR = 293;
  /** {@link Op#I64_EXTEND32_S_RR}. */
  public static final int I64_EXTEND32_S_RR = 294;
  /** {@link Op#I32_TRUNC_SAT_F32_S_RR}. */
  public static final int I32_TRUNC_SAT_F32_S_RR = 295;
  /** {@link Op#I32_TRUNC_SAT_F32_U_RR}. */
  public static final int I32_TRUNC_SAT_F32_U_RR = 296;
  /** {@link Op#I32_TRUNC_SAT_F64_S_RR}. */
  public static final int I32_TRUNC_SAT_F64_S_RR = 297;
  /** {@link Op#I32_TRUNC_SAT_F64_U_RR}. */
  public static final int I32_TRUNC_SAT_F64_U_RR = 298;
  /** {@link Op#I64_TRUNC_SAT_F32_S_RR}. */
  public static final int I64_TRUNC_SAT_F32_S_RR = 299;
  /** {@link Op#I64_TRUNC_SAT_F32_U_RR}. */
  public static final int I64_TRUNC_SAT_F32_U_RR = 300;
  /** {@link Op#I64_TRUNC_SAT_F64_S_RR}. */
  public static final int I64_TRUNC_SAT_F64_S_RR = 301;
  /** {@link Op#I64_TRUNC_SAT_F64_U_RR}. */
  public static final int I64_TRUNC_SAT_F64_U_RR = 302;
  /** {@link Op#I32_LOAD_RRIX}. */
  public static final int I32_LOAD_RRIX = 303;
  /** {@link Op#I64_LOAD_RRIX}. */
  public static final int I64_LOAD_RRIX = 304;
  /** {@link Op#F32_LOAD_RRIX}. */
  public static final int F32_LOAD_RRIX = 305;
  /** {@link Op#F64_LOAD_RRIX}. */
  public static final int F64_LOAD_RRIX = 306;
  /** {@link Op#I32_LOAD8_S_RRIX}. */
  public static final int I32_LOAD8_S_RRIX = 307;
  /** {@link Op#I32_LOAD8_U_RRIX}. */
  public static final int I32_LOAD8_U_RRIX = 308;
  /** {@link Op#I32_LOAD16_S_RRIX}. */
  public static final int I32_LOAD16_S_RRIX = 309;
  /** {@link Op#I32_LOAD16_U_RRIX}. */
  public static final int I32_LOAD16_U_RRIX = 310;
  /** {@link Op#I64_LOAD8_S_RRIX}. */
  public static final int I64_LOAD8_S_RRIX = 311;
  /** {@link Op#I64_LOAD8_U_RRIX}. */
  public static final int I64_LOAD8_U_RRIX = 312;
  /** {@link Op#I64_LOAD16_S_RRIX}. */
  public static final int I64_LOAD16_S_RRIX = 313;
  /** {@link Op#I64_LOAD16_U_RRIX}. */
  public static final int I64_LOAD16_U_RRIX = 314;
  /** {@link Op#I64_LOAD32_S_RRIX}. */
  public static final int I64_LOAD32_S_RRIX = 315;
  /** {@link Op#I64_LOAD32_U_RRIX}. */
  public static final int I64_LOAD32_U_RRIX = 316;
  /** {@link Op#I32_STORE_RRIX}. */
  public static final int I32_STORE_RRIX = 317;
  /** {@link Op#I64_STORE_RRIX}. */
  public static final int I64_STORE_RRIX = 318;
  /** {@link Op#F32_STORE_RRIX}. */
  public static final int F32_STORE_RRIX = 319;
  /** {@link Op#F64_STORE_RRIX}. */
  public static final int F64_STORE_RRIX = 320;
  /** {@link Op#I32_STORE8_RRIX}. */
  public static final int I32_STORE8_RRIX = 321;
  /** {@link Op#I32_STORE16_RRIX}. */
  public static final int I32_STORE16_RRIX = 322;
  /** {@link Op#I64_STORE8_RRIX}. */
  public static final int I64_STORE8_RRIX = 323;
  /** {@link Op#I64_STORE16_RRIX}. */
  public static final int I64_STORE16_RRIX = 324;
  /** {@link Op#I64_STORE32_RRIX}. */
  public static final int I64_STORE32_RRIX = 325;

  /** Number of ops. */
  public static final int COUNT = 326;
}
