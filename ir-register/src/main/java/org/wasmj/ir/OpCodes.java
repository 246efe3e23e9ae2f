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
  /** {@link Op#CHECK_INTERRUPT}. */
  public static final int CHECK_INTERRUPT = 9;
  /** {@link Op#FUEL_I}. */
  public static final int FUEL_I = 10;
  /** {@link Op#FUEL_SCALED_RI}. */
  public static final int FUEL_SCALED_RI = 11;
  /** {@link Op#FUEL_MEMORY_GROW_RX}. */
  public static final int FUEL_MEMORY_GROW_RX = 12;
  /** {@link Op#FUEL_TABLE_GROW_RX}. */
  public static final int FUEL_TABLE_GROW_RX = 13;
  /** {@link Op#BR_T}. */
  public static final int BR_T = 14;
  /** {@link Op#BR_EQZ_RT}. */
  public static final int BR_EQZ_RT = 15;
  /** {@link Op#BR_NEZ_RT}. */
  public static final int BR_NEZ_RT = 16;
  /** {@link Op#BR_I64_EQZ_RT}. */
  public static final int BR_I64_EQZ_RT = 17;
  /** {@link Op#BR_I64_NEZ_RT}. */
  public static final int BR_I64_NEZ_RT = 18;
  /** {@link Op#BR_I32_AND_NEZ_RIT}. */
  public static final int BR_I32_AND_NEZ_RIT = 19;
  /** {@link Op#BR_I32_AND_EQZ_RIT}. */
  public static final int BR_I32_AND_EQZ_RIT = 20;
  /** {@link Op#BR_I32_SHR_U_AND_NEZ_RRIT}. */
  public static final int BR_I32_SHR_U_AND_NEZ_RRIT = 21;
  /** {@link Op#BR_I32_SHR_U_AND_EQZ_RRIT}. */
  public static final int BR_I32_SHR_U_AND_EQZ_RRIT = 22;
  /** {@link Op#COPY_BR_NEZ_RRRT}. */
  public static final int COPY_BR_NEZ_RRRT = 23;
  /** {@link Op#COPY_BR_EQZ_RRRT}. */
  public static final int COPY_BR_EQZ_RRRT = 24;
  /** {@link Op#I32_ADD_BR_NEZ_RRIT}. */
  public static final int I32_ADD_BR_NEZ_RRIT = 25;
  /** {@link Op#I32_ADD_BR_NE_RRIRT}. */
  public static final int I32_ADD_BR_NE_RRIRT = 26;
  /** {@link Op#I32_SHR_U_AND_RRII}. */
  public static final int I32_SHR_U_AND_RRII = 27;
  /** {@link Op#I32_MUL_ADD_RRRR}. */
  public static final int I32_MUL_ADD_RRRR = 28;
  /** {@link Op#I32_SHL_ADD_RRIR}. */
  public static final int I32_SHL_ADD_RRIR = 29;
  /** {@link Op#BR_TABLE_RI}. */
  public static final int BR_TABLE_RI = 30;
  /** {@link Op#CALL_XR}. */
  public static final int CALL_XR = 31;
  /** {@link Op#CALL_INDIRECT_XXRR}. */
  public static final int CALL_INDIRECT_XXRR = 32;
  /** {@link Op#RETURN_CALL_XR}. */
  public static final int RETURN_CALL_XR = 33;
  /** {@link Op#RETURN_CALL_INDIRECT_XXRR}. */
  public static final int RETURN_CALL_INDIRECT_XXRR = 34;
  /** {@link Op#GLOBAL_GET_RX}. */
  public static final int GLOBAL_GET_RX = 35;
  /** {@link Op#GLOBAL_SET_XR}. */
  public static final int GLOBAL_SET_XR = 36;
  /** {@link Op#REF_FUNC_RX}. */
  public static final int REF_FUNC_RX = 37;
  /** {@link Op#TABLE_GET_RRX}. */
  public static final int TABLE_GET_RRX = 38;
  /** {@link Op#TABLE_SET_RRX}. */
  public static final int TABLE_SET_RRX = 39;
  /** {@link Op#TABLE_SIZE_RX}. */
  public static final int TABLE_SIZE_RX = 40;
  /** {@link Op#TABLE_GROW_RRRX}. */
  public static final int TABLE_GROW_RRRX = 41;
  /** {@link Op#TABLE_FILL_RRRX}. */
  public static final int TABLE_FILL_RRRX = 42;
  /** {@link Op#TABLE_COPY_RRRXX}. */
  public static final int TABLE_COPY_RRRXX = 43;
  /** {@link Op#TABLE_INIT_RRRXX}. */
  public static final int TABLE_INIT_RRRXX = 44;
  /** {@link Op#ELEM_DROP_X}. */
  public static final int ELEM_DROP_X = 45;
  /** {@link Op#MEMORY_SIZE_RX}. */
  public static final int MEMORY_SIZE_RX = 46;
  /** {@link Op#MEMORY_GROW_RRX}. */
  public static final int MEMORY_GROW_RRX = 47;
  /** {@link Op#MEMORY_FILL_RRRX}. */
  public static final int MEMORY_FILL_RRRX = 48;
  /** {@link Op#MEMORY_COPY_RRRXX}. */
  public static final int MEMORY_COPY_RRRXX = 49;
  /** {@link Op#MEMORY_INIT_RRRXX}. */
  public static final int MEMORY_INIT_RRRXX = 50;
  /** {@link Op#DATA_DROP_X}. */
  public static final int DATA_DROP_X = 51;
  /** {@link Op#I32_LOAD_RRI}. */
  public static final int I32_LOAD_RRI = 52;
  /** {@link Op#I64_LOAD_RRI}. */
  public static final int I64_LOAD_RRI = 53;
  /** {@link Op#F32_LOAD_RRI}. */
  public static final int F32_LOAD_RRI = 54;
  /** {@link Op#F64_LOAD_RRI}. */
  public static final int F64_LOAD_RRI = 55;
  /** {@link Op#I32_LOAD8_S_RRI}. */
  public static final int I32_LOAD8_S_RRI = 56;
  /** {@link Op#I32_LOAD8_U_RRI}. */
  public static final int I32_LOAD8_U_RRI = 57;
  /** {@link Op#I32_LOAD16_S_RRI}. */
  public static final int I32_LOAD16_S_RRI = 58;
  /** {@link Op#I32_LOAD16_U_RRI}. */
  public static final int I32_LOAD16_U_RRI = 59;
  /** {@link Op#I64_LOAD8_S_RRI}. */
  public static final int I64_LOAD8_S_RRI = 60;
  /** {@link Op#I64_LOAD8_U_RRI}. */
  public static final int I64_LOAD8_U_RRI = 61;
  /** {@link Op#I64_LOAD16_S_RRI}. */
  public static final int I64_LOAD16_S_RRI = 62;
  /** {@link Op#I64_LOAD16_U_RRI}. */
  public static final int I64_LOAD16_U_RRI = 63;
  /** {@link Op#I64_LOAD32_S_RRI}. */
  public static final int I64_LOAD32_S_RRI = 64;
  /** {@link Op#I64_LOAD32_U_RRI}. */
  public static final int I64_LOAD32_U_RRI = 65;
  /** {@link Op#I32_STORE_RRI}. */
  public static final int I32_STORE_RRI = 66;
  /** {@link Op#I64_STORE_RRI}. */
  public static final int I64_STORE_RRI = 67;
  /** {@link Op#F32_STORE_RRI}. */
  public static final int F32_STORE_RRI = 68;
  /** {@link Op#F64_STORE_RRI}. */
  public static final int F64_STORE_RRI = 69;
  /** {@link Op#I32_STORE8_RRI}. */
  public static final int I32_STORE8_RRI = 70;
  /** {@link Op#I32_STORE16_RRI}. */
  public static final int I32_STORE16_RRI = 71;
  /** {@link Op#I64_STORE8_RRI}. */
  public static final int I64_STORE8_RRI = 72;
  /** {@link Op#I64_STORE16_RRI}. */
  public static final int I64_STORE16_RRI = 73;
  /** {@link Op#I64_STORE32_RRI}. */
  public static final int I64_STORE32_RRI = 74;
  /** {@link Op#I32_LOAD_RRRI}. */
  public static final int I32_LOAD_RRRI = 75;
  /** {@link Op#I64_LOAD_RRRI}. */
  public static final int I64_LOAD_RRRI = 76;
  /** {@link Op#F32_LOAD_RRRI}. */
  public static final int F32_LOAD_RRRI = 77;
  /** {@link Op#F64_LOAD_RRRI}. */
  public static final int F64_LOAD_RRRI = 78;
  /** {@link Op#I32_LOAD8_U_RRRI}. */
  public static final int I32_LOAD8_U_RRRI = 79;
  /** {@link Op#I32_LOAD_RRII}. */
  public static final int I32_LOAD_RRII = 80;
  /** {@link Op#I32_LOAD_RI}. */
  public static final int I32_LOAD_RI = 81;
  /** {@link Op#I32_LOAD8_U_RI}. */
  public static final int I32_LOAD8_U_RI = 82;
  /** {@link Op#I64_LOAD_RRII}. */
  public static final int I64_LOAD_RRII = 83;
  /** {@link Op#F32_LOAD_RRII}. */
  public static final int F32_LOAD_RRII = 84;
  /** {@link Op#F64_LOAD_RRII}. */
  public static final int F64_LOAD_RRII = 85;
  /** {@link Op#I32_LOAD8_U_RRII}. */
  public static final int I32_LOAD8_U_RRII = 86;
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
  /** {@link Op#I32_STORE_RIRI}. */
  public static final int I32_STORE_RIRI = 92;
  /** {@link Op#I64_STORE_RIRI}. */
  public static final int I64_STORE_RIRI = 93;
  /** {@link Op#F32_STORE_RIRI}. */
  public static final int F32_STORE_RIRI = 94;
  /** {@link Op#F64_STORE_RIRI}. */
  public static final int F64_STORE_RIRI = 95;
  /** {@link Op#I32_STORE8_RIRI}. */
  public static final int I32_STORE8_RIRI = 96;
  /** {@link Op#BR_I32_EQ_RRT}. */
  public static final int BR_I32_EQ_RRT = 97;
  /** {@link Op#BR_I32_NE_RRT}. */
  public static final int BR_I32_NE_RRT = 98;
  /** {@link Op#BR_I32_LT_S_RRT}. */
  public static final int BR_I32_LT_S_RRT = 99;
  /** {@link Op#BR_I32_LT_U_RRT}. */
  public static final int BR_I32_LT_U_RRT = 100;
  /** {@link Op#BR_I32_GT_S_RRT}. */
  public static final int BR_I32_GT_S_RRT = 101;
  /** {@link Op#BR_I32_GT_U_RRT}. */
  public static final int BR_I32_GT_U_RRT = 102;
  /** {@link Op#BR_I32_LE_S_RRT}. */
  public static final int BR_I32_LE_S_RRT = 103;
  /** {@link Op#BR_I32_LE_U_RRT}. */
  public static final int BR_I32_LE_U_RRT = 104;
  /** {@link Op#BR_I32_GE_S_RRT}. */
  public static final int BR_I32_GE_S_RRT = 105;
  /** {@link Op#BR_I32_GE_U_RRT}. */
  public static final int BR_I32_GE_U_RRT = 106;
  /** {@link Op#BR_I32_EQ_RIT}. */
  public static final int BR_I32_EQ_RIT = 107;
  /** {@link Op#BR_I32_NE_RIT}. */
  public static final int BR_I32_NE_RIT = 108;
  /** {@link Op#BR_I32_LT_S_RIT}. */
  public static final int BR_I32_LT_S_RIT = 109;
  /** {@link Op#BR_I32_LT_U_RIT}. */
  public static final int BR_I32_LT_U_RIT = 110;
  /** {@link Op#BR_I32_GT_S_RIT}. */
  public static final int BR_I32_GT_S_RIT = 111;
  /** {@link Op#BR_I32_GT_U_RIT}. */
  public static final int BR_I32_GT_U_RIT = 112;
  /** {@link Op#BR_I32_LE_S_RIT}. */
  public static final int BR_I32_LE_S_RIT = 113;
  /** {@link Op#BR_I32_LE_U_RIT}. */
  public static final int BR_I32_LE_U_RIT = 114;
  /** {@link Op#BR_I32_GE_S_RIT}. */
  public static final int BR_I32_GE_S_RIT = 115;
  /** {@link Op#BR_I32_GE_U_RIT}. */
  public static final int BR_I32_GE_U_RIT = 116;
  /** {@link Op#BR_I64_EQ_RRT}. */
  public static final int BR_I64_EQ_RRT = 117;
  /** {@link Op#BR_I64_NE_RRT}. */
  public static final int BR_I64_NE_RRT = 118;
  /** {@link Op#BR_I64_LT_S_RRT}. */
  public static final int BR_I64_LT_S_RRT = 119;
  /** {@link Op#BR_I64_LT_U_RRT}. */
  public static final int BR_I64_LT_U_RRT = 120;
  /** {@link Op#BR_I64_GT_S_RRT}. */
  public static final int BR_I64_GT_S_RRT = 121;
  /** {@link Op#BR_I64_GT_U_RRT}. */
  public static final int BR_I64_GT_U_RRT = 122;
  /** {@link Op#BR_I64_LE_S_RRT}. */
  public static final int BR_I64_LE_S_RRT = 123;
  /** {@link Op#BR_I64_LE_U_RRT}. */
  public static final int BR_I64_LE_U_RRT = 124;
  /** {@link Op#BR_I64_GE_S_RRT}. */
  public static final int BR_I64_GE_S_RRT = 125;
  /** {@link Op#BR_I64_GE_U_RRT}. */
  public static final int BR_I64_GE_U_RRT = 126;
  /** {@link Op#I32_EQZ_RR}. */
  public static final int I32_EQZ_RR = 127;
  /** {@link Op#I32_EQ_RRR}. */
  public static final int I32_EQ_RRR = 128;
  /** {@link Op#I32_EQ_RRI}. */
  public static final int I32_EQ_RRI = 129;
  /** {@link Op#I32_NE_RRR}. */
  public static final int I32_NE_RRR = 130;
  /** {@link Op#I32_NE_RRI}. */
  public static final int I32_NE_RRI = 131;
  /** {@link Op#I32_LT_S_RRR}. */
  public static final int I32_LT_S_RRR = 132;
  /** {@link Op#I32_LT_S_RRI}. */
  public static final int I32_LT_S_RRI = 133;
  /** {@link Op#I32_LT_U_RRR}. */
  public static final int I32_LT_U_RRR = 134;
  /** {@link Op#I32_LT_U_RRI}. */
  public static final int I32_LT_U_RRI = 135;
  /** {@link Op#I32_GT_S_RRR}. */
  public static final int I32_GT_S_RRR = 136;
  /** {@link Op#I32_GT_S_RRI}. */
  public static final int I32_GT_S_RRI = 137;
  /** {@link Op#I32_GT_U_RRR}. */
  public static final int I32_GT_U_RRR = 138;
  /** {@link Op#I32_GT_U_RRI}. */
  public static final int I32_GT_U_RRI = 139;
  /** {@link Op#I32_LE_S_RRR}. */
  public static final int I32_LE_S_RRR = 140;
  /** {@link Op#I32_LE_S_RRI}. */
  public static final int I32_LE_S_RRI = 141;
  /** {@link Op#I32_LE_U_RRR}. */
  public static final int I32_LE_U_RRR = 142;
  /** {@link Op#I32_LE_U_RRI}. */
  public static final int I32_LE_U_RRI = 143;
  /** {@link Op#I32_GE_S_RRR}. */
  public static final int I32_GE_S_RRR = 144;
  /** {@link Op#I32_GE_S_RRI}. */
  public static final int I32_GE_S_RRI = 145;
  /** {@link Op#I32_GE_U_RRR}. */
  public static final int I32_GE_U_RRR = 146;
  /** {@link Op#I32_GE_U_RRI}. */
  public static final int I32_GE_U_RRI = 147;
  /** {@link Op#I64_EQZ_RR}. */
  public static final int I64_EQZ_RR = 148;
  /** {@link Op#I64_EQ_RRR}. */
  public static final int I64_EQ_RRR = 149;
  /** {@link Op#I64_NE_RRR}. */
  public static final int I64_NE_RRR = 150;
  /** {@link Op#I64_LT_S_RRR}. */
  public static final int I64_LT_S_RRR = 151;
  /** {@link Op#I64_LT_U_RRR}. */
  public static final int I64_LT_U_RRR = 152;
  /** {@link Op#I64_GT_S_RRR}. */
  public static final int I64_GT_S_RRR = 153;
  /** {@link Op#I64_GT_U_RRR}. */
  public static final int I64_GT_U_RRR = 154;
  /** {@link Op#I64_LE_S_RRR}. */
  public static final int I64_LE_S_RRR = 155;
  /** {@link Op#I64_LE_U_RRR}. */
  public static final int I64_LE_U_RRR = 156;
  /** {@link Op#I64_GE_S_RRR}. */
  public static final int I64_GE_S_RRR = 157;
  /** {@link Op#I64_GE_U_RRR}. */
  public static final int I64_GE_U_RRR = 158;
  /** {@link Op#F32_EQ_RRR}. */
  public static final int F32_EQ_RRR = 159;
  /** {@link Op#F32_NE_RRR}. */
  public static final int F32_NE_RRR = 160;
  /** {@link Op#F32_LT_RRR}. */
  public static final int F32_LT_RRR = 161;
  /** {@link Op#F32_GT_RRR}. */
  public static final int F32_GT_RRR = 162;
  /** {@link Op#F32_LE_RRR}. */
  public static final int F32_LE_RRR = 163;
  /** {@link Op#F32_GE_RRR}. */
  public static final int F32_GE_RRR = 164;
  /** {@link Op#F64_EQ_RRR}. */
  public static final int F64_EQ_RRR = 165;
  /** {@link Op#F64_NE_RRR}. */
  public static final int F64_NE_RRR = 166;
  /** {@link Op#F64_LT_RRR}. */
  public static final int F64_LT_RRR = 167;
  /** {@link Op#F64_GT_RRR}. */
  public static final int F64_GT_RRR = 168;
  /** {@link Op#F64_LE_RRR}. */
  public static final int F64_LE_RRR = 169;
  /** {@link Op#F64_GE_RRR}. */
  public static final int F64_GE_RRR = 170;
  /** {@link Op#I32_CLZ_RR}. */
  public static final int I32_CLZ_RR = 171;
  /** {@link Op#I32_CTZ_RR}. */
  public static final int I32_CTZ_RR = 172;
  /** {@link Op#I32_POPCNT_RR}. */
  public static final int I32_POPCNT_RR = 173;
  /** {@link Op#I32_ADD_RRR}. */
  public static final int I32_ADD_RRR = 174;
  /** {@link Op#I32_ADD_RRI}. */
  public static final int I32_ADD_RRI = 175;
  /** {@link Op#I32_SUB_RRR}. */
  public static final int I32_SUB_RRR = 176;
  /** {@link Op#I32_SUB_RRI}. */
  public static final int I32_SUB_RRI = 177;
  /** {@link Op#I32_MUL_RRR}. */
  public static final int I32_MUL_RRR = 178;
  /** {@link Op#I32_MUL_RRI}. */
  public static final int I32_MUL_RRI = 179;
  /** {@link Op#I32_DIV_S_RRR}. */
  public static final int I32_DIV_S_RRR = 180;
  /** {@link Op#I32_DIV_U_RRR}. */
  public static final int I32_DIV_U_RRR = 181;
  /** {@link Op#I32_REM_S_RRR}. */
  public static final int I32_REM_S_RRR = 182;
  /** {@link Op#I32_REM_U_RRR}. */
  public static final int I32_REM_U_RRR = 183;
  /** {@link Op#I32_AND_RRR}. */
  public static final int I32_AND_RRR = 184;
  /** {@link Op#I32_AND_RRI}. */
  public static final int I32_AND_RRI = 185;
  /** {@link Op#I32_OR_RRR}. */
  public static final int I32_OR_RRR = 186;
  /** {@link Op#I32_OR_RRI}. */
  public static final int I32_OR_RRI = 187;
  /** {@link Op#I32_XOR_RRR}. */
  public static final int I32_XOR_RRR = 188;
  /** {@link Op#I32_XOR_RRI}. */
  public static final int I32_XOR_RRI = 189;
  /** {@link Op#I32_SHL_RRR}. */
  public static final int I32_SHL_RRR = 190;
  /** {@link Op#I32_SHL_RRI}. */
  public static final int I32_SHL_RRI = 191;
  /** {@link Op#I32_SHR_S_RRR}. */
  public static final int I32_SHR_S_RRR = 192;
  /** {@link Op#I32_SHR_S_RRI}. */
  public static final int I32_SHR_S_RRI = 193;
  /** {@link Op#I32_SHR_U_RRR}. */
  public static final int I32_SHR_U_RRR = 194;
  /** {@link Op#I32_SHR_U_RRI}. */
  public static final int I32_SHR_U_RRI = 195;
  /** {@link Op#I32_ROTL_RRR}. */
  public static final int I32_ROTL_RRR = 196;
  /** {@link Op#I32_ROTL_RRI}. */
  public static final int I32_ROTL_RRI = 197;
  /** {@link Op#I32_ROTR_RRR}. */
  public static final int I32_ROTR_RRR = 198;
  /** {@link Op#I32_ROTR_RRI}. */
  public static final int I32_ROTR_RRI = 199;
  /** {@link Op#I64_CLZ_RR}. */
  public static final int I64_CLZ_RR = 200;
  /** {@link Op#I64_CTZ_RR}. */
  public static final int I64_CTZ_RR = 201;
  /** {@link Op#I64_POPCNT_RR}. */
  public static final int I64_POPCNT_RR = 202;
  /** {@link Op#I64_ADD_RRR}. */
  public static final int I64_ADD_RRR = 203;
  /** {@link Op#I64_ADD_RRI}. */
  public static final int I64_ADD_RRI = 204;
  /** {@link Op#I64_SUB_RRR}. */
  public static final int I64_SUB_RRR = 205;
  /** {@link Op#I64_SUB_RRI}. */
  public static final int I64_SUB_RRI = 206;
  /** {@link Op#I64_MUL_RRR}. */
  public static final int I64_MUL_RRR = 207;
  /** {@link Op#I64_MUL_RRI}. */
  public static final int I64_MUL_RRI = 208;
  /** {@link Op#I64_DIV_S_RRR}. */
  public static final int I64_DIV_S_RRR = 209;
  /** {@link Op#I64_DIV_U_RRR}. */
  public static final int I64_DIV_U_RRR = 210;
  /** {@link Op#I64_REM_S_RRR}. */
  public static final int I64_REM_S_RRR = 211;
  /** {@link Op#I64_REM_U_RRR}. */
  public static final int I64_REM_U_RRR = 212;
  /** {@link Op#I64_AND_RRR}. */
  public static final int I64_AND_RRR = 213;
  /** {@link Op#I64_AND_RRI}. */
  public static final int I64_AND_RRI = 214;
  /** {@link Op#I64_OR_RRR}. */
  public static final int I64_OR_RRR = 215;
  /** {@link Op#I64_OR_RRI}. */
  public static final int I64_OR_RRI = 216;
  /** {@link Op#I64_XOR_RRR}. */
  public static final int I64_XOR_RRR = 217;
  /** {@link Op#I64_XOR_RRI}. */
  public static final int I64_XOR_RRI = 218;
  /** {@link Op#I64_SHL_RRR}. */
  public static final int I64_SHL_RRR = 219;
  /** {@link Op#I64_SHL_RRI}. */
  public static final int I64_SHL_RRI = 220;
  /** {@link Op#I64_SHR_S_RRR}. */
  public static final int I64_SHR_S_RRR = 221;
  /** {@link Op#I64_SHR_S_RRI}. */
  public static final int I64_SHR_S_RRI = 222;
  /** {@link Op#I64_SHR_U_RRR}. */
  public static final int I64_SHR_U_RRR = 223;
  /** {@link Op#I64_SHR_U_RRI}. */
  public static final int I64_SHR_U_RRI = 224;
  /** {@link Op#I64_ROTL_RRR}. */
  public static final int I64_ROTL_RRR = 225;
  /** {@link Op#I64_ROTL_RRI}. */
  public static final int I64_ROTL_RRI = 226;
  /** {@link Op#I64_ROTR_RRR}. */
  public static final int I64_ROTR_RRR = 227;
  /** {@link Op#I64_ROTR_RRI}. */
  public static final int I64_ROTR_RRI = 228;
  /** {@link Op#F32_ABS_RR}. */
  public static final int F32_ABS_RR = 229;
  /** {@link Op#F32_NEG_RR}. */
  public static final int F32_NEG_RR = 230;
  /** {@link Op#F32_CEIL_RR}. */
  public static final int F32_CEIL_RR = 231;
  /** {@link Op#F32_FLOOR_RR}. */
  public static final int F32_FLOOR_RR = 232;
  /** {@link Op#F32_TRUNC_RR}. */
  public static final int F32_TRUNC_RR = 233;
  /** {@link Op#F32_NEAREST_RR}. */
  public static final int F32_NEAREST_RR = 234;
  /** {@link Op#F32_SQRT_RR}. */
  public static final int F32_SQRT_RR = 235;
  /** {@link Op#F32_ADD_RRR}. */
  public static final int F32_ADD_RRR = 236;
  /** {@link Op#F32_SUB_RRR}. */
  public static final int F32_SUB_RRR = 237;
  /** {@link Op#F32_MUL_RRR}. */
  public static final int F32_MUL_RRR = 238;
  /** {@link Op#F32_DIV_RRR}. */
  public static final int F32_DIV_RRR = 239;
  /** {@link Op#F32_MIN_RRR}. */
  public static final int F32_MIN_RRR = 240;
  /** {@link Op#F32_MAX_RRR}. */
  public static final int F32_MAX_RRR = 241;
  /** {@link Op#F32_COPYSIGN_RRR}. */
  public static final int F32_COPYSIGN_RRR = 242;
  /** {@link Op#F64_ABS_RR}. */
  public static final int F64_ABS_RR = 243;
  /** {@link Op#F64_NEG_RR}. */
  public static final int F64_NEG_RR = 244;
  /** {@link Op#F64_CEIL_RR}. */
  public static final int F64_CEIL_RR = 245;
  /** {@link Op#F64_FLOOR_RR}. */
  public static final int F64_FLOOR_RR = 246;
  /** {@link Op#F64_TRUNC_RR}. */
  public static final int F64_TRUNC_RR = 247;
  /** {@link Op#F64_NEAREST_RR}. */
  public static final int F64_NEAREST_RR = 248;
  /** {@link Op#F64_SQRT_RR}. */
  public static final int F64_SQRT_RR = 249;
  /** {@link Op#F64_ADD_RRR}. */
  public static final int F64_ADD_RRR = 250;
  /** {@link Op#F64_SUB_RRR}. */
  public static final int F64_SUB_RRR = 251;
  /** {@link Op#F64_MUL_RRR}. */
  public static final int F64_MUL_RRR = 252;
  /** {@link Op#F64_DIV_RRR}. */
  public static final int F64_DIV_RRR = 253;
  /** {@link Op#F64_MIN_RRR}. */
  public static final int F64_MIN_RRR = 254;
  /** {@link Op#F64_MAX_RRR}. */
  public static final int F64_MAX_RRR = 255;
  /** {@link Op#F64_COPYSIGN_RRR}. */
  public static final int F64_COPYSIGN_RRR = 256;
  /** {@link Op#I32_WRAP_I64_RR}. */
  public static final int I32_WRAP_I64_RR = 257;
  /** {@link Op#I32_TRUNC_F32_S_RR}. */
  public static final int I32_TRUNC_F32_S_RR = 258;
  /** {@link Op#I32_TRUNC_F32_U_RR}. */
  public static final int I32_TRUNC_F32_U_RR = 259;
  /** {@link Op#I32_TRUNC_F64_S_RR}. */
  public static final int I32_TRUNC_F64_S_RR = 260;
  /** {@link Op#I32_TRUNC_F64_U_RR}. */
  public static final int I32_TRUNC_F64_U_RR = 261;
  /** {@link Op#I64_EXTEND_I32_S_RR}. */
  public static final int I64_EXTEND_I32_S_RR = 262;
  /** {@link Op#I64_EXTEND_I32_U_RR}. */
  public static final int I64_EXTEND_I32_U_RR = 263;
  /** {@link Op#I64_TRUNC_F32_S_RR}. */
  public static final int I64_TRUNC_F32_S_RR = 264;
  /** {@link Op#I64_TRUNC_F32_U_RR}. */
  public static final int I64_TRUNC_F32_U_RR = 265;
  /** {@link Op#I64_TRUNC_F64_S_RR}. */
  public static final int I64_TRUNC_F64_S_RR = 266;
  /** {@link Op#I64_TRUNC_F64_U_RR}. */
  public static final int I64_TRUNC_F64_U_RR = 267;
  /** {@link Op#F32_CONVERT_I32_S_RR}. */
  public static final int F32_CONVERT_I32_S_RR = 268;
  /** {@link Op#F32_CONVERT_I32_U_RR}. */
  public static final int F32_CONVERT_I32_U_RR = 269;
  /** {@link Op#F32_CONVERT_I64_S_RR}. */
  public static final int F32_CONVERT_I64_S_RR = 270;
  /** {@link Op#F32_CONVERT_I64_U_RR}. */
  public static final int F32_CONVERT_I64_U_RR = 271;
  /** {@link Op#F32_DEMOTE_F64_RR}. */
  public static final int F32_DEMOTE_F64_RR = 272;
  /** {@link Op#F64_CONVERT_I32_S_RR}. */
  public static final int F64_CONVERT_I32_S_RR = 273;
  /** {@link Op#F64_CONVERT_I32_U_RR}. */
  public static final int F64_CONVERT_I32_U_RR = 274;
  /** {@link Op#F64_CONVERT_I64_S_RR}. */
  public static final int F64_CONVERT_I64_S_RR = 275;
  /** {@link Op#F64_CONVERT_I64_U_RR}. */
  public static final int F64_CONVERT_I64_U_RR = 276;
  /** {@link Op#F64_PROMOTE_F32_RR}. */
  public static final int F64_PROMOTE_F32_RR = 277;
  /** {@link Op#I32_REINTERPRET_F32_RR}. */
  public static final int I32_REINTERPRET_F32_RR = 278;
  /** {@link Op#I64_REINTERPRET_F64_RR}. */
  public static final int I64_REINTERPRET_F64_RR = 279;
  /** {@link Op#F32_REINTERPRET_I32_RR}. */
  public static final int F32_REINTERPRET_I32_RR = 280;
  /** {@link Op#F64_REINTERPRET_I64_RR}. */
  public static final int F64_REINTERPRET_I64_RR = 281;
  /** {@link Op#I32_EXTEND8_S_RR}. */
  public static final int I32_EXTEND8_S_RR = 282;
  /** {@link Op#I32_EXTEND16_S_RR}. */
  public static final int I32_EXTEND16_S_RR = 283;
  /** {@link Op#I64_EXTEND8_S_RR}. */
  public static final int I64_EXTEND8_S_RR = 284;
  /** {@link Op#I64_EXTEND16_S_RR}. */
  public static final int I64_EXTEND16_S_RR = 285;
  /** {@link Op#I64_EXTEND32_S_RR}. */
  public static final int I64_EXTEND32_S_RR = 286;
  /** {@link Op#I32_TRUNC_SAT_F32_S_RR}. */
  public static final int I32_TRUNC_SAT_F32_S_RR = 287;
  /** {@link Op#I32_TRUNC_SAT_F32_U_RR}. */
  public static final int I32_TRUNC_SAT_F32_U_RR = 288;
  /** {@link Op#I32_TRUNC_SAT_F64_S_RR}. */
  public static final int I32_TRUNC_SAT_F64_S_RR = 289;
  /** {@link Op#I32_TRUNC_SAT_F64_U_RR}. */
  public static final int I32_TRUNC_SAT_F64_U_RR = 290;
  /** {@link Op#I64_TRUNC_SAT_F32_S_RR}. */
  public static final int I64_TRUNC_SAT_F32_S_RR = 291;
  /** {@link Op#I64_TRUNC_SAT_F32_U_RR}. */
  public static final int I64_TRUNC_SAT_F32_U_RR = 292;
  /** {@link Op#I64_TRUNC_SAT_F64_S_RR}. */
  public static final int I64_TRUNC_SAT_F64_S_RR = 293;
  /** {@link Op#I64_TRUNC_SAT_F64_U_RR}. */
  public static final int I64_TRUNC_SAT_F64_U_RR = 294;
  /** {@link Op#I32_LOAD_RRIX}. */
  public static final int I32_LOAD_RRIX = 295;
  /** {@link Op#I64_LOAD_RRIX}. */
  public static final int I64_LOAD_RRIX = 296;
  /** {@link Op#F32_LOAD_RRIX}. */
  public static final int F32_LOAD_RRIX = 297;
  /** {@link Op#F64_LOAD_RRIX}. */
  public static final int F64_LOAD_RRIX = 298;
  /** {@link Op#I32_LOAD8_S_RRIX}. */
  public static final int I32_LOAD8_S_RRIX = 299;
  /** {@link Op#I32_LOAD8_U_RRIX}. */
  public static final int I32_LOAD8_U_RRIX = 300;
  /** {@link Op#I32_LOAD16_S_RRIX}. */
  public static final int I32_LOAD16_S_RRIX = 301;
  /** {@link Op#I32_LOAD16_U_RRIX}. */
  public static final int I32_LOAD16_U_RRIX = 302;
  /** {@link Op#I64_LOAD8_S_RRIX}. */
  public static final int I64_LOAD8_S_RRIX = 303;
  /** {@link Op#I64_LOAD8_U_RRIX}. */
  public static final int I64_LOAD8_U_RRIX = 304;
  /** {@link Op#I64_LOAD16_S_RRIX}. */
  public static final int I64_LOAD16_S_RRIX = 305;
  /** {@link Op#I64_LOAD16_U_RRIX}. */
  public static final int I64_LOAD16_U_RRIX = 306;
  /** {@link Op#I64_LOAD32_S_RRIX}. */
  public static final int I64_LOAD32_S_RRIX = 307;
  /** {@link Op#I64_LOAD32_U_RRIX}. */
  public static final int I64_LOAD32_U_RRIX = 308;
  /** {@link Op#I32_STORE_RRIX}. */
  public static final int I32_STORE_RRIX = 309;
  /** {@link Op#I64_STORE_RRIX}. */
  public static final int I64_STORE_RRIX = 310;
  /** {@link Op#F32_STORE_RRIX}. */
  public static final int F32_STORE_RRIX = 311;
  /** {@link Op#F64_STORE_RRIX}. */
  public static final int F64_STORE_RRIX = 312;
  /** {@link Op#I32_STORE8_RRIX}. */
  public static final int I32_STORE8_RRIX = 313;
  /** {@link Op#I32_STORE16_RRIX}. */
  public static final int I32_STORE16_RRIX = 314;
  /** {@link Op#I64_STORE8_RRIX}. */
  public static final int I64_STORE8_RRIX = 315;
  /** {@link Op#I64_STORE16_RRIX}. */
  public static final int I64_STORE16_RRIX = 316;
  /** {@link Op#I64_STORE32_RRIX}. */
  public static final int I64_STORE32_RRIX = 317;
  /** {@link Op#V128_COPY_VV}. */
  public static final int V128_COPY_VV = 318;
  /** {@link Op#V128_SELECT_VVVR}. */
  public static final int V128_SELECT_VVVR = 319;
  /** {@link Op#V128_GLOBAL_GET_VX}. */
  public static final int V128_GLOBAL_GET_VX = 320;
  /** {@link Op#V128_GLOBAL_SET_XV}. */
  public static final int V128_GLOBAL_SET_XV = 321;
  /** {@link Op#V128_CONST_VLL}. */
  public static final int V128_CONST_VLL = 322;
  /** {@link Op#I8X16_SHUFFLE_VVVLL}. */
  public static final int I8X16_SHUFFLE_VVVLL = 323;
  /** {@link Op#I8X16_SWIZZLE_VVV}. */
  public static final int I8X16_SWIZZLE_VVV = 324;
  /** {@link Op#I8X16_SPLAT_VR}. */
  public static final int I8X16_SPLAT_VR = 325;
  /** {@link Op#I16X8_SPLAT_VR}. */
  public static final int I16X8_SPLAT_VR = 326;
  /** {@link Op#I32X4_SPLAT_VR}. */
  public static final int I32X4_SPLAT_VR = 327;
  /** {@link Op#I64X2_SPLAT_VR}. */
  public static final int I64X2_SPLAT_VR = 328;
  /** {@link Op#F32X4_SPLAT_VR}. */
  public static final int F32X4_SPLAT_VR = 329;
  /** {@link Op#F64X2_SPLAT_VR}. */
  public static final int F64X2_SPLAT_VR = 330;
  /** {@link Op#I8X16_EXTRACT_LANE_S_RVI}. */
  public static final int I8X16_EXTRACT_LANE_S_RVI = 331;
  /** {@link Op#I8X16_EXTRACT_LANE_U_RVI}. */
  public static final int I8X16_EXTRACT_LANE_U_RVI = 332;
  /** {@link Op#I8X16_REPLACE_LANE_VVRI}. */
  public static final int I8X16_REPLACE_LANE_VVRI = 333;
  /** {@link Op#I16X8_EXTRACT_LANE_S_RVI}. */
  public static final int I16X8_EXTRACT_LANE_S_RVI = 334;
  /** {@link Op#I16X8_EXTRACT_LANE_U_RVI}. */
  public static final int I16X8_EXTRACT_LANE_U_RVI = 335;
  /** {@link Op#I16X8_REPLACE_LANE_VVRI}. */
  public static final int I16X8_REPLACE_LANE_VVRI = 336;
  /** {@link Op#I32X4_EXTRACT_LANE_RVI}. */
  public static final int I32X4_EXTRACT_LANE_RVI = 337;
  /** {@link Op#I32X4_REPLACE_LANE_VVRI}. */
  public static final int I32X4_REPLACE_LANE_VVRI = 338;
  /** {@link Op#I64X2_EXTRACT_LANE_RVI}. */
  public static final int I64X2_EXTRACT_LANE_RVI = 339;
  /** {@link Op#I64X2_REPLACE_LANE_VVRI}. */
  public static final int I64X2_REPLACE_LANE_VVRI = 340;
  /** {@link Op#F32X4_EXTRACT_LANE_RVI}. */
  public static final int F32X4_EXTRACT_LANE_RVI = 341;
  /** {@link Op#F32X4_REPLACE_LANE_VVRI}. */
  public static final int F32X4_REPLACE_LANE_VVRI = 342;
  /** {@link Op#F64X2_EXTRACT_LANE_RVI}. */
  public static final int F64X2_EXTRACT_LANE_RVI = 343;
  /** {@link Op#F64X2_REPLACE_LANE_VVRI}. */
  public static final int F64X2_REPLACE_LANE_VVRI = 344;
  /** {@link Op#I8X16_EQ_VVV}. */
  public static final int I8X16_EQ_VVV = 345;
  /** {@link Op#I8X16_NE_VVV}. */
  public static final int I8X16_NE_VVV = 346;
  /** {@link Op#I8X16_LT_S_VVV}. */
  public static final int I8X16_LT_S_VVV = 347;
  /** {@link Op#I8X16_LT_U_VVV}. */
  public static final int I8X16_LT_U_VVV = 348;
  /** {@link Op#I8X16_GT_S_VVV}. */
  public static final int I8X16_GT_S_VVV = 349;
  /** {@link Op#I8X16_GT_U_VVV}. */
  public static final int I8X16_GT_U_VVV = 350;
  /** {@link Op#I8X16_LE_S_VVV}. */
  public static final int I8X16_LE_S_VVV = 351;
  /** {@link Op#I8X16_LE_U_VVV}. */
  public static final int I8X16_LE_U_VVV = 352;
  /** {@link Op#I8X16_GE_S_VVV}. */
  public static final int I8X16_GE_S_VVV = 353;
  /** {@link Op#I8X16_GE_U_VVV}. */
  public static final int I8X16_GE_U_VVV = 354;
  /** {@link Op#I16X8_EQ_VVV}. */
  public static final int I16X8_EQ_VVV = 355;
  /** {@link Op#I16X8_NE_VVV}. */
  public static final int I16X8_NE_VVV = 356;
  /** {@link Op#I16X8_LT_S_VVV}. */
  public static final int I16X8_LT_S_VVV = 357;
  /** {@link Op#I16X8_LT_U_VVV}. */
  public static final int I16X8_LT_U_VVV = 358;
  /** {@link Op#I16X8_GT_S_VVV}. */
  public static final int I16X8_GT_S_VVV = 359;
  /** {@link Op#I16X8_GT_U_VVV}. */
  public static final int I16X8_GT_U_VVV = 360;
  /** {@link Op#I16X8_LE_S_VVV}. */
  public static final int I16X8_LE_S_VVV = 361;
  /** {@link Op#I16X8_LE_U_VVV}. */
  public static final int I16X8_LE_U_VVV = 362;
  /** {@link Op#I16X8_GE_S_VVV}. */
  public static final int I16X8_GE_S_VVV = 363;
  /** {@link Op#I16X8_GE_U_VVV}. */
  public static final int I16X8_GE_U_VVV = 364;
  /** {@link Op#I32X4_EQ_VVV}. */
  public static final int I32X4_EQ_VVV = 365;
  /** {@link Op#I32X4_NE_VVV}. */
  public static final int I32X4_NE_VVV = 366;
  /** {@link Op#I32X4_LT_S_VVV}. */
  public static final int I32X4_LT_S_VVV = 367;
  /** {@link Op#I32X4_LT_U_VVV}. */
  public static final int I32X4_LT_U_VVV = 368;
  /** {@link Op#I32X4_GT_S_VVV}. */
  public static final int I32X4_GT_S_VVV = 369;
  /** {@link Op#I32X4_GT_U_VVV}. */
  public static final int I32X4_GT_U_VVV = 370;
  /** {@link Op#I32X4_LE_S_VVV}. */
  public static final int I32X4_LE_S_VVV = 371;
  /** {@link Op#I32X4_LE_U_VVV}. */
  public static final int I32X4_LE_U_VVV = 372;
  /** {@link Op#I32X4_GE_S_VVV}. */
  public static final int I32X4_GE_S_VVV = 373;
  /** {@link Op#I32X4_GE_U_VVV}. */
  public static final int I32X4_GE_U_VVV = 374;
  /** {@link Op#F32X4_EQ_VVV}. */
  public static final int F32X4_EQ_VVV = 375;
  /** {@link Op#F32X4_NE_VVV}. */
  public static final int F32X4_NE_VVV = 376;
  /** {@link Op#F32X4_LT_VVV}. */
  public static final int F32X4_LT_VVV = 377;
  /** {@link Op#F32X4_GT_VVV}. */
  public static final int F32X4_GT_VVV = 378;
  /** {@link Op#F32X4_LE_VVV}. */
  public static final int F32X4_LE_VVV = 379;
  /** {@link Op#F32X4_GE_VVV}. */
  public static final int F32X4_GE_VVV = 380;
  /** {@link Op#F64X2_EQ_VVV}. */
  public static final int F64X2_EQ_VVV = 381;
  /** {@link Op#F64X2_NE_VVV}. */
  public static final int F64X2_NE_VVV = 382;
  /** {@link Op#F64X2_LT_VVV}. */
  public static final int F64X2_LT_VVV = 383;
  /** {@link Op#F64X2_GT_VVV}. */
  public static final int F64X2_GT_VVV = 384;
  /** {@link Op#F64X2_LE_VVV}. */
  public static final int F64X2_LE_VVV = 385;
  /** {@link Op#F64X2_GE_VVV}. */
  public static final int F64X2_GE_VVV = 386;
  /** {@link Op#V128_NOT_VV}. */
  public static final int V128_NOT_VV = 387;
  /** {@link Op#V128_AND_VVV}. */
  public static final int V128_AND_VVV = 388;
  /** {@link Op#V128_ANDNOT_VVV}. */
  public static final int V128_ANDNOT_VVV = 389;
  /** {@link Op#V128_OR_VVV}. */
  public static final int V128_OR_VVV = 390;
  /** {@link Op#V128_XOR_VVV}. */
  public static final int V128_XOR_VVV = 391;
  /** {@link Op#V128_BITSELECT_VVVV}. */
  public static final int V128_BITSELECT_VVVV = 392;
  /** {@link Op#V128_ANY_TRUE_RV}. */
  public static final int V128_ANY_TRUE_RV = 393;
  /** {@link Op#F32X4_DEMOTE_F64X2_ZERO_VV}. */
  public static final int F32X4_DEMOTE_F64X2_ZERO_VV = 394;
  /** {@link Op#F64X2_PROMOTE_LOW_F32X4_VV}. */
  public static final int F64X2_PROMOTE_LOW_F32X4_VV = 395;
  /** {@link Op#I8X16_ABS_VV}. */
  public static final int I8X16_ABS_VV = 396;
  /** {@link Op#I8X16_NEG_VV}. */
  public static final int I8X16_NEG_VV = 397;
  /** {@link Op#I8X16_POPCNT_VV}. */
  public static final int I8X16_POPCNT_VV = 398;
  /** {@link Op#I8X16_ALL_TRUE_RV}. */
  public static final int I8X16_ALL_TRUE_RV = 399;
  /** {@link Op#I8X16_BITMASK_RV}. */
  public static final int I8X16_BITMASK_RV = 400;
  /** {@link Op#I8X16_NARROW_I16X8_S_VVV}. */
  public static final int I8X16_NARROW_I16X8_S_VVV = 401;
  /** {@link Op#I8X16_NARROW_I16X8_U_VVV}. */
  public static final int I8X16_NARROW_I16X8_U_VVV = 402;
  /** {@link Op#F32X4_CEIL_VV}. */
  public static final int F32X4_CEIL_VV = 403;
  /** {@link Op#F32X4_FLOOR_VV}. */
  public static final int F32X4_FLOOR_VV = 404;
  /** {@link Op#F32X4_TRUNC_VV}. */
  public static final int F32X4_TRUNC_VV = 405;
  /** {@link Op#F32X4_NEAREST_VV}. */
  public static final int F32X4_NEAREST_VV = 406;
  /** {@link Op#I8X16_SHL_VVR}. */
  public static final int I8X16_SHL_VVR = 407;
  /** {@link Op#I8X16_SHR_S_VVR}. */
  public static final int I8X16_SHR_S_VVR = 408;
  /** {@link Op#I8X16_SHR_U_VVR}. */
  public static final int I8X16_SHR_U_VVR = 409;
  /** {@link Op#I8X16_ADD_VVV}. */
  public static final int I8X16_ADD_VVV = 410;
  /** {@link Op#I8X16_ADD_SAT_S_VVV}. */
  public static final int I8X16_ADD_SAT_S_VVV = 411;
  /** {@link Op#I8X16_ADD_SAT_U_VVV}. */
  public static final int I8X16_ADD_SAT_U_VVV = 412;
  /** {@link Op#I8X16_SUB_VVV}. */
  public static final int I8X16_SUB_VVV = 413;
  /** {@link Op#I8X16_SUB_SAT_S_VVV}. */
  public static final int I8X16_SUB_SAT_S_VVV = 414;
  /** {@link Op#I8X16_SUB_SAT_U_VVV}. */
  public static final int I8X16_SUB_SAT_U_VVV = 415;
  /** {@link Op#F64X2_CEIL_VV}. */
  public static final int F64X2_CEIL_VV = 416;
  /** {@link Op#F64X2_FLOOR_VV}. */
  public static final int F64X2_FLOOR_VV = 417;
  /** {@link Op#I8X16_MIN_S_VVV}. */
  public static final int I8X16_MIN_S_VVV = 418;
  /** {@link Op#I8X16_MIN_U_VVV}. */
  public static final int I8X16_MIN_U_VVV = 419;
  /** {@link Op#I8X16_MAX_S_VVV}. */
  public static final int I8X16_MAX_S_VVV = 420;
  /** {@link Op#I8X16_MAX_U_VVV}. */
  public static final int I8X16_MAX_U_VVV = 421;
  /** {@link Op#F64X2_TRUNC_VV}. */
  public static final int F64X2_TRUNC_VV = 422;
  /** {@link Op#I8X16_AVGR_U_VVV}. */
  public static final int I8X16_AVGR_U_VVV = 423;
  /** {@link Op#I16X8_EXTADD_PAIRWISE_I8X16_S_VV}. */
  public static final int I16X8_EXTADD_PAIRWISE_I8X16_S_VV = 424;
  /** {@link Op#I16X8_EXTADD_PAIRWISE_I8X16_U_VV}. */
  public static final int I16X8_EXTADD_PAIRWISE_I8X16_U_VV = 425;
  /** {@link Op#I32X4_EXTADD_PAIRWISE_I16X8_S_VV}. */
  public static final int I32X4_EXTADD_PAIRWISE_I16X8_S_VV = 426;
  /** {@link Op#I32X4_EXTADD_PAIRWISE_I16X8_U_VV}. */
  public static final int I32X4_EXTADD_PAIRWISE_I16X8_U_VV = 427;
  /** {@link Op#I16X8_ABS_VV}. */
  public static final int I16X8_ABS_VV = 428;
  /** {@link Op#I16X8_NEG_VV}. */
  public static final int I16X8_NEG_VV = 429;
  /** {@link Op#I16X8_Q15MULR_SAT_S_VVV}. */
  public static final int I16X8_Q15MULR_SAT_S_VVV = 430;
  /** {@link Op#I16X8_ALL_TRUE_RV}. */
  public static final int I16X8_ALL_TRUE_RV = 431;
  /** {@link Op#I16X8_BITMASK_RV}. */
  public static final int I16X8_BITMASK_RV = 432;
  /** {@link Op#I16X8_NARROW_I32X4_S_VVV}. */
  public static final int I16X8_NARROW_I32X4_S_VVV = 433;
  /** {@link Op#I16X8_NARROW_I32X4_U_VVV}. */
  public static final int I16X8_NARROW_I32X4_U_VVV = 434;
  /** {@link Op#I16X8_EXTEND_LOW_I8X16_S_VV}. */
  public static final int I16X8_EXTEND_LOW_I8X16_S_VV = 435;
  /** {@link Op#I16X8_EXTEND_HIGH_I8X16_S_VV}. */
  public static final int I16X8_EXTEND_HIGH_I8X16_S_VV = 436;
  /** {@link Op#I16X8_EXTEND_LOW_I8X16_U_VV}. */
  public static final int I16X8_EXTEND_LOW_I8X16_U_VV = 437;
  /** {@link Op#I16X8_EXTEND_HIGH_I8X16_U_VV}. */
  public static final int I16X8_EXTEND_HIGH_I8X16_U_VV = 438;
  /** {@link Op#I16X8_SHL_VVR}. */
  public static final int I16X8_SHL_VVR = 439;
  /** {@link Op#I16X8_SHR_S_VVR}. */
  public static final int I16X8_SHR_S_VVR = 440;
  /** {@link Op#I16X8_SHR_U_VVR}. */
  public static final int I16X8_SHR_U_VVR = 441;
  /** {@link Op#I16X8_ADD_VVV}. */
  public static final int I16X8_ADD_VVV = 442;
  /** {@link Op#I16X8_ADD_SAT_S_VVV}. */
  public static final int I16X8_ADD_SAT_S_VVV = 443;
  /** {@link Op#I16X8_ADD_SAT_U_VVV}. */
  public static final int I16X8_ADD_SAT_U_VVV = 444;
  /** {@link Op#I16X8_SUB_VVV}. */
  public static final int I16X8_SUB_VVV = 445;
  /** {@link Op#I16X8_SUB_SAT_S_VVV}. */
  public static final int I16X8_SUB_SAT_S_VVV = 446;
  /** {@link Op#I16X8_SUB_SAT_U_VVV}. */
  public static final int I16X8_SUB_SAT_U_VVV = 447;
  /** {@link Op#F64X2_NEAREST_VV}. */
  public static final int F64X2_NEAREST_VV = 448;
  /** {@link Op#I16X8_MUL_VVV}. */
  public static final int I16X8_MUL_VVV = 449;
  /** {@link Op#I16X8_MIN_S_VVV}. */
  public static final int I16X8_MIN_S_VVV = 450;
  /** {@link Op#I16X8_MIN_U_VVV}. */
  public static final int I16X8_MIN_U_VVV = 451;
  /** {@link Op#I16X8_MAX_S_VVV}. */
  public static final int I16X8_MAX_S_VVV = 452;
  /** {@link Op#I16X8_MAX_U_VVV}. */
  public static final int I16X8_MAX_U_VVV = 453;
  /** {@link Op#I16X8_AVGR_U_VVV}. */
  public static final int I16X8_AVGR_U_VVV = 454;
  /** {@link Op#I16X8_EXTMUL_LOW_I8X16_S_VVV}. */
  public static final int I16X8_EXTMUL_LOW_I8X16_S_VVV = 455;
  /** {@link Op#I16X8_EXTMUL_HIGH_I8X16_S_VVV}. */
  public static final int I16X8_EXTMUL_HIGH_I8X16_S_VVV = 456;
  /** {@link Op#I16X8_EXTMUL_LOW_I8X16_U_VVV}. */
  public static final int I16X8_EXTMUL_LOW_I8X16_U_VVV = 457;
  /** {@link Op#I16X8_EXTMUL_HIGH_I8X16_U_VVV}. */
  public static final int I16X8_EXTMUL_HIGH_I8X16_U_VVV = 458;
  /** {@link Op#I32X4_ABS_VV}. */
  public static final int I32X4_ABS_VV = 459;
  /** {@link Op#I32X4_NEG_VV}. */
  public static final int I32X4_NEG_VV = 460;
  /** {@link Op#I32X4_ALL_TRUE_RV}. */
  public static final int I32X4_ALL_TRUE_RV = 461;
  /** {@link Op#I32X4_BITMASK_RV}. */
  public static final int I32X4_BITMASK_RV = 462;
  /** {@link Op#I32X4_EXTEND_LOW_I16X8_S_VV}. */
  public static final int I32X4_EXTEND_LOW_I16X8_S_VV = 463;
  /** {@link Op#I32X4_EXTEND_HIGH_I16X8_S_VV}. */
  public static final int I32X4_EXTEND_HIGH_I16X8_S_VV = 464;
  /** {@link Op#I32X4_EXTEND_LOW_I16X8_U_VV}. */
  public static final int I32X4_EXTEND_LOW_I16X8_U_VV = 465;
  /** {@link Op#I32X4_EXTEND_HIGH_I16X8_U_VV}. */
  public static final int I32X4_EXTEND_HIGH_I16X8_U_VV = 466;
  /** {@link Op#I32X4_SHL_VVR}. */
  public static final int I32X4_SHL_VVR = 467;
  /** {@link Op#I32X4_SHR_S_VVR}. */
  public static final int I32X4_SHR_S_VVR = 468;
  /** {@link Op#I32X4_SHR_U_VVR}. */
  public static final int I32X4_SHR_U_VVR = 469;
  /** {@link Op#I32X4_ADD_VVV}. */
  public static final int I32X4_ADD_VVV = 470;
  /** {@link Op#I32X4_SUB_VVV}. */
  public static final int I32X4_SUB_VVV = 471;
  /** {@link Op#I32X4_MUL_VVV}. */
  public static final int I32X4_MUL_VVV = 472;
  /** {@link Op#I32X4_MIN_S_VVV}. */
  public static final int I32X4_MIN_S_VVV = 473;
  /** {@link Op#I32X4_MIN_U_VVV}. */
  public static final int I32X4_MIN_U_VVV = 474;
  /** {@link Op#I32X4_MAX_S_VVV}. */
  public static final int I32X4_MAX_S_VVV = 475;
  /** {@link Op#I32X4_MAX_U_VVV}. */
  public static final int I32X4_MAX_U_VVV = 476;
  /** {@link Op#I32X4_DOT_I16X8_S_VVV}. */
  public static final int I32X4_DOT_I16X8_S_VVV = 477;
  /** {@link Op#I32X4_EXTMUL_LOW_I16X8_S_VVV}. */
  public static final int I32X4_EXTMUL_LOW_I16X8_S_VVV = 478;
  /** {@link Op#I32X4_EXTMUL_HIGH_I16X8_S_VVV}. */
  public static final int I32X4_EXTMUL_HIGH_I16X8_S_VVV = 479;
  /** {@link Op#I32X4_EXTMUL_LOW_I16X8_U_VVV}. */
  public static final int I32X4_EXTMUL_LOW_I16X8_U_VVV = 480;
  /** {@link Op#I32X4_EXTMUL_HIGH_I16X8_U_VVV}. */
  public static final int I32X4_EXTMUL_HIGH_I16X8_U_VVV = 481;
  /** {@link Op#I64X2_ABS_VV}. */
  public static final int I64X2_ABS_VV = 482;
  /** {@link Op#I64X2_NEG_VV}. */
  public static final int I64X2_NEG_VV = 483;
  /** {@link Op#I64X2_ALL_TRUE_RV}. */
  public static final int I64X2_ALL_TRUE_RV = 484;
  /** {@link Op#I64X2_BITMASK_RV}. */
  public static final int I64X2_BITMASK_RV = 485;
  /** {@link Op#I64X2_EXTEND_LOW_I32X4_S_VV}. */
  public static final int I64X2_EXTEND_LOW_I32X4_S_VV = 486;
  /** {@link Op#I64X2_EXTEND_HIGH_I32X4_S_VV}. */
  public static final int I64X2_EXTEND_HIGH_I32X4_S_VV = 487;
  /** {@link Op#I64X2_EXTEND_LOW_I32X4_U_VV}. */
  public static final int I64X2_EXTEND_LOW_I32X4_U_VV = 488;
  /** {@link Op#I64X2_EXTEND_HIGH_I32X4_U_VV}. */
  public static final int I64X2_EXTEND_HIGH_I32X4_U_VV = 489;
  /** {@link Op#I64X2_SHL_VVR}. */
  public static final int I64X2_SHL_VVR = 490;
  /** {@link Op#I64X2_SHR_S_VVR}. */
  public static final int I64X2_SHR_S_VVR = 491;
  /** {@link Op#I64X2_SHR_U_VVR}. */
  public static final int I64X2_SHR_U_VVR = 492;
  /** {@link Op#I64X2_ADD_VVV}. */
  public static final int I64X2_ADD_VVV = 493;
  /** {@link Op#I64X2_SUB_VVV}. */
  public static final int I64X2_SUB_VVV = 494;
  /** {@link Op#I64X2_MUL_VVV}. */
  public static final int I64X2_MUL_VVV = 495;
  /** {@link Op#I64X2_EQ_VVV}. */
  public static final int I64X2_EQ_VVV = 496;
  /** {@link Op#I64X2_NE_VVV}. */
  public static final int I64X2_NE_VVV = 497;
  /** {@link Op#I64X2_LT_S_VVV}. */
  public static final int I64X2_LT_S_VVV = 498;
  /** {@link Op#I64X2_GT_S_VVV}. */
  public static final int I64X2_GT_S_VVV = 499;
  /** {@link Op#I64X2_LE_S_VVV}. */
  public static final int I64X2_LE_S_VVV = 500;
  /** {@link Op#I64X2_GE_S_VVV}. */
  public static final int I64X2_GE_S_VVV = 501;
  /** {@link Op#I64X2_EXTMUL_LOW_I32X4_S_VVV}. */
  public static final int I64X2_EXTMUL_LOW_I32X4_S_VVV = 502;
  /** {@link Op#I64X2_EXTMUL_HIGH_I32X4_S_VVV}. */
  public static final int I64X2_EXTMUL_HIGH_I32X4_S_VVV = 503;
  /** {@link Op#I64X2_EXTMUL_LOW_I32X4_U_VVV}. */
  public static final int I64X2_EXTMUL_LOW_I32X4_U_VVV = 504;
  /** {@link Op#I64X2_EXTMUL_HIGH_I32X4_U_VVV}. */
  public static final int I64X2_EXTMUL_HIGH_I32X4_U_VVV = 505;
  /** {@link Op#F32X4_ABS_VV}. */
  public static final int F32X4_ABS_VV = 506;
  /** {@link Op#F32X4_NEG_VV}. */
  public static final int F32X4_NEG_VV = 507;
  /** {@link Op#F32X4_SQRT_VV}. */
  public static final int F32X4_SQRT_VV = 508;
  /** {@link Op#F32X4_ADD_VVV}. */
  public static final int F32X4_ADD_VVV = 509;
  /** {@link Op#F32X4_SUB_VVV}. */
  public static final int F32X4_SUB_VVV = 510;
  /** {@link Op#F32X4_MUL_VVV}. */
  public static final int F32X4_MUL_VVV = 511;
  /** {@link Op#F32X4_DIV_VVV}. */
  public static final int F32X4_DIV_VVV = 512;
  /** {@link Op#F32X4_MIN_VVV}. */
  public static final int F32X4_MIN_VVV = 513;
  /** {@link Op#F32X4_MAX_VVV}. */
  public static final int F32X4_MAX_VVV = 514;
  /** {@link Op#F32X4_PMIN_VVV}. */
  public static final int F32X4_PMIN_VVV = 515;
  /** {@link Op#F32X4_PMAX_VVV}. */
  public static final int F32X4_PMAX_VVV = 516;
  /** {@link Op#F64X2_ABS_VV}. */
  public static final int F64X2_ABS_VV = 517;
  /** {@link Op#F64X2_NEG_VV}. */
  public static final int F64X2_NEG_VV = 518;
  /** {@link Op#F64X2_SQRT_VV}. */
  public static final int F64X2_SQRT_VV = 519;
  /** {@link Op#F64X2_ADD_VVV}. */
  public static final int F64X2_ADD_VVV = 520;
  /** {@link Op#F64X2_SUB_VVV}. */
  public static final int F64X2_SUB_VVV = 521;
  /** {@link Op#F64X2_MUL_VVV}. */
  public static final int F64X2_MUL_VVV = 522;
  /** {@link Op#F64X2_DIV_VVV}. */
  public static final int F64X2_DIV_VVV = 523;
  /** {@link Op#F64X2_MIN_VVV}. */
  public static final int F64X2_MIN_VVV = 524;
  /** {@link Op#F64X2_MAX_VVV}. */
  public static final int F64X2_MAX_VVV = 525;
  /** {@link Op#F64X2_PMIN_VVV}. */
  public static final int F64X2_PMIN_VVV = 526;
  /** {@link Op#F64X2_PMAX_VVV}. */
  public static final int F64X2_PMAX_VVV = 527;
  /** {@link Op#I32X4_TRUNC_SAT_F32X4_S_VV}. */
  public static final int I32X4_TRUNC_SAT_F32X4_S_VV = 528;
  /** {@link Op#I32X4_TRUNC_SAT_F32X4_U_VV}. */
  public static final int I32X4_TRUNC_SAT_F32X4_U_VV = 529;
  /** {@link Op#F32X4_CONVERT_I32X4_S_VV}. */
  public static final int F32X4_CONVERT_I32X4_S_VV = 530;
  /** {@link Op#F32X4_CONVERT_I32X4_U_VV}. */
  public static final int F32X4_CONVERT_I32X4_U_VV = 531;
  /** {@link Op#I32X4_TRUNC_SAT_F64X2_S_ZERO_VV}. */
  public static final int I32X4_TRUNC_SAT_F64X2_S_ZERO_VV = 532;
  /** {@link Op#I32X4_TRUNC_SAT_F64X2_U_ZERO_VV}. */
  public static final int I32X4_TRUNC_SAT_F64X2_U_ZERO_VV = 533;
  /** {@link Op#F64X2_CONVERT_LOW_I32X4_S_VV}. */
  public static final int F64X2_CONVERT_LOW_I32X4_S_VV = 534;
  /** {@link Op#F64X2_CONVERT_LOW_I32X4_U_VV}. */
  public static final int F64X2_CONVERT_LOW_I32X4_U_VV = 535;
  /** {@link Op#V128_LOAD_VRI}. */
  public static final int V128_LOAD_VRI = 536;
  /** {@link Op#V128_LOAD8X8_S_VRI}. */
  public static final int V128_LOAD8X8_S_VRI = 537;
  /** {@link Op#V128_LOAD8X8_U_VRI}. */
  public static final int V128_LOAD8X8_U_VRI = 538;
  /** {@link Op#V128_LOAD16X4_S_VRI}. */
  public static final int V128_LOAD16X4_S_VRI = 539;
  /** {@link Op#V128_LOAD16X4_U_VRI}. */
  public static final int V128_LOAD16X4_U_VRI = 540;
  /** {@link Op#V128_LOAD32X2_S_VRI}. */
  public static final int V128_LOAD32X2_S_VRI = 541;
  /** {@link Op#V128_LOAD32X2_U_VRI}. */
  public static final int V128_LOAD32X2_U_VRI = 542;
  /** {@link Op#V128_LOAD8_SPLAT_VRI}. */
  public static final int V128_LOAD8_SPLAT_VRI = 543;
  /** {@link Op#V128_LOAD16_SPLAT_VRI}. */
  public static final int V128_LOAD16_SPLAT_VRI = 544;
  /** {@link Op#V128_LOAD32_SPLAT_VRI}. */
  public static final int V128_LOAD32_SPLAT_VRI = 545;
  /** {@link Op#V128_LOAD64_SPLAT_VRI}. */
  public static final int V128_LOAD64_SPLAT_VRI = 546;
  /** {@link Op#V128_STORE_RVI}. */
  public static final int V128_STORE_RVI = 547;
  /** {@link Op#V128_LOAD8_LANE_VRVII}. */
  public static final int V128_LOAD8_LANE_VRVII = 548;
  /** {@link Op#V128_LOAD16_LANE_VRVII}. */
  public static final int V128_LOAD16_LANE_VRVII = 549;
  /** {@link Op#V128_LOAD32_LANE_VRVII}. */
  public static final int V128_LOAD32_LANE_VRVII = 550;
  /** {@link Op#V128_LOAD64_LANE_VRVII}. */
  public static final int V128_LOAD64_LANE_VRVII = 551;
  /** {@link Op#V128_STORE8_LANE_RVII}. */
  public static final int V128_STORE8_LANE_RVII = 552;
  /** {@link Op#V128_STORE16_LANE_RVII}. */
  public static final int V128_STORE16_LANE_RVII = 553;
  /** {@link Op#V128_STORE32_LANE_RVII}. */
  public static final int V128_STORE32_LANE_RVII = 554;
  /** {@link Op#V128_STORE64_LANE_RVII}. */
  public static final int V128_STORE64_LANE_RVII = 555;
  /** {@link Op#V128_LOAD32_ZERO_VRI}. */
  public static final int V128_LOAD32_ZERO_VRI = 556;
  /** {@link Op#V128_LOAD64_ZERO_VRI}. */
  public static final int V128_LOAD64_ZERO_VRI = 557;
  /** {@link Op#V128_LOAD_VRIX}. */
  public static final int V128_LOAD_VRIX = 558;
  /** {@link Op#V128_LOAD8X8_S_VRIX}. */
  public static final int V128_LOAD8X8_S_VRIX = 559;
  /** {@link Op#V128_LOAD8X8_U_VRIX}. */
  public static final int V128_LOAD8X8_U_VRIX = 560;
  /** {@link Op#V128_LOAD16X4_S_VRIX}. */
  public static final int V128_LOAD16X4_S_VRIX = 561;
  /** {@link Op#V128_LOAD16X4_U_VRIX}. */
  public static final int V128_LOAD16X4_U_VRIX = 562;
  /** {@link Op#V128_LOAD32X2_S_VRIX}. */
  public static final int V128_LOAD32X2_S_VRIX = 563;
  /** {@link Op#V128_LOAD32X2_U_VRIX}. */
  public static final int V128_LOAD32X2_U_VRIX = 564;
  /** {@link Op#V128_LOAD8_SPLAT_VRIX}. */
  public static final int V128_LOAD8_SPLAT_VRIX = 565;
  /** {@link Op#V128_LOAD16_SPLAT_VRIX}. */
  public static final int V128_LOAD16_SPLAT_VRIX = 566;
  /** {@link Op#V128_LOAD32_SPLAT_VRIX}. */
  public static final int V128_LOAD32_SPLAT_VRIX = 567;
  /** {@link Op#V128_LOAD64_SPLAT_VRIX}. */
  public static final int V128_LOAD64_SPLAT_VRIX = 568;
  /** {@link Op#V128_STORE_RVIX}. */
  public static final int V128_STORE_RVIX = 569;
  /** {@link Op#V128_LOAD8_LANE_VRVIIX}. */
  public static final int V128_LOAD8_LANE_VRVIIX = 570;
  /** {@link Op#V128_LOAD16_LANE_VRVIIX}. */
  public static final int V128_LOAD16_LANE_VRVIIX = 571;
  /** {@link Op#V128_LOAD32_LANE_VRVIIX}. */
  public static final int V128_LOAD32_LANE_VRVIIX = 572;
  /** {@link Op#V128_LOAD64_LANE_VRVIIX}. */
  public static final int V128_LOAD64_LANE_VRVIIX = 573;
  /** {@link Op#V128_STORE8_LANE_RVIIX}. */
  public static final int V128_STORE8_LANE_RVIIX = 574;
  /** {@link Op#V128_STORE16_LANE_RVIIX}. */
  public static final int V128_STORE16_LANE_RVIIX = 575;
  /** {@link Op#V128_STORE32_LANE_RVIIX}. */
  public static final int V128_STORE32_LANE_RVIIX = 576;
  /** {@link Op#V128_STORE64_LANE_RVIIX}. */
  public static final int V128_STORE64_LANE_RVIIX = 577;
  /** {@link Op#V128_LOAD32_ZERO_VRIX}. */
  public static final int V128_LOAD32_ZERO_VRIX = 578;
  /** {@link Op#V128_LOAD64_ZERO_VRIX}. */
  public static final int V128_LOAD64_ZERO_VRIX = 579;

  /** Number of ops. */
  public static final int COUNT = 580;
}
