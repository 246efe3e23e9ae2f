// The input of the yosys row of run.sh: a registered 32-bit ALU (add, subtract, logic, barrel
// shifts, signed and unsigned compare), which `synth` turns into a few thousand gates.
module top (
  input clk,
  input [3:0] op,
  input [31:0] a,
  input [31:0] b,
  output reg [31:0] y
);
  always @(posedge clk) begin
    case (op)
      4'd0: y <= a + b;
      4'd1: y <= a - b;
      4'd2: y <= a & b;
      4'd3: y <= a | b;
      4'd4: y <= a ^ b;
      4'd5: y <= a << b[4:0];
      4'd6: y <= a >> b[4:0];
      4'd7: y <= $signed(a) >>> b[4:0];
      4'd8: y <= {31'd0, $signed(a) < $signed(b)};
      4'd9: y <= {31'd0, a < b};
    endcase
  end
endmodule
