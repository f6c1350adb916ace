// The words order files use for an order's status, in the languages of the marketplaces' sellers
// (English, simplified and traditional Chinese, Spanish, Portuguese, Indonesian, Vietnamese, Thai),
// to ours. A guess for the mapping and the fallback of presets: the user confirms or corrects it.
import type { OrderStatus } from '../domain/types';
import { statusKey } from './presets/common';

const STATUS_WORDS: Record<OrderStatus, string[]> = {
  unpaid: [
    'unpaid', 'pending', 'pending payment', 'awaiting payment', 'on hold', 'not paid', 'to pay',
    '待付款', '未付款', '尚未付款', '待支付', '等待买家付款', '等待買家付款',
    'pendiente', 'pendiente de pago', 'no pagado', 'sin pagar', 'esperando pago',
    'pendente', 'aguardando pagamento', 'a pagar', 'não pago', 'pagamento pendente',
    'belum bayar', 'menunggu pembayaran', 'belum dibayar',
    'chờ thanh toán', 'chưa thanh toán',
    'ที่ต้องชำระ', 'รอชำระเงิน', 'ยังไม่ชำระเงิน',
  ],
  paid: [
    'paid', 'processing', 'to ship', 'awaiting shipment', 'ready to ship', 'unshipped', 'authorized', 'confirmed',
    '已付款', '待发货', '待發貨', '待出貨', '待出货', '买家已付款，等待卖家发货', '買家已付款，等待賣家發貨',
    'pagado', 'pago', 'procesando', 'en preparación', 'por enviar', 'listo para enviar', 'confirmado',
    'pagamento aprovado', 'aprovado', 'em processamento', 'a enviar', 'preparando', 'em preparação',
    'sudah dibayar', 'dibayar', 'perlu dikirim', 'dikemas', 'diproses', 'siap dikirim',
    'đã thanh toán', 'chờ xác nhận', 'chờ lấy hàng', 'đang xử lý', 'chờ giao hàng',
    'ชำระเงินแล้ว', 'ที่ต้องจัดส่ง', 'เตรียมจัดส่ง',
  ],
  shipped: [
    'shipped', 'shipping', 'in transit', 'fulfilled', 'sent', 'dispatched', 'to receive', 'posted',
    '已发货', '已發貨', '已出貨', '运输中', '运送中', '運送中', '配送中', '卖家已发货，等待买家确认', '賣家已發貨，等待買家確認',
    'enviado', 'en camino', 'en tránsito', 'despachado',
    'em trânsito', 'a caminho', 'despachado', 'postado',
    'dikirim', 'sedang dikirim', 'dalam pengiriman',
    'đang giao', 'đang giao hàng', 'đang vận chuyển', 'đã gửi hàng',
    'กำลังจัดส่ง', 'จัดส่งแล้ว', 'ที่ต้องได้รับ',
  ],
  delivered: [
    'delivered', 'completed', 'complete', 'done', 'received',
    '已完成', '完成', '交易成功', '已签收', '已簽收', '已送达', '已送達',
    'entregado', 'completado', 'recibido', 'finalizado',
    'entregue', 'concluído', 'concluido', 'recebido', 'finalizado',
    'selesai', 'diterima', 'pesanan diterima', 'terkirim',
    'đã giao', 'đã giao hàng', 'hoàn thành', 'giao hàng thành công', 'đã nhận hàng',
    'สำเร็จแล้ว', 'จัดส่งสำเร็จ', 'ได้รับสินค้าแล้ว', 'สำเร็จ',
  ],
  cancelled: [
    'cancelled', 'canceled', 'voided', 'void', 'failed', 'closed', 'expired', 'in cancel',
    '已取消', '取消', '交易关闭', '交易關閉', '不成立', '已关闭', '已關閉',
    'cancelado', 'anulado', 'fallido',
    'cancelada', 'falhou',
    'dibatalkan', 'batal', 'gagal',
    'đã hủy', 'hủy', 'thất bại',
    'ยกเลิกแล้ว', 'ยกเลิก', 'ล้มเหลว',
  ],
  refunded: [
    'refunded', 'returned', 'refund', 'to return', 'return/refund',
    '已退款', '退款', '退款成功', '已退货', '已退貨', '退货退款', '退貨/退款',
    'reembolsado', 'devuelto', 'devolución',
    'devolvido', 'reembolso', 'estornado', 'devolução',
    'dikembalikan', 'pengembalian', 'pengembalian dana', 'dana dikembalikan',
    'đã hoàn tiền', 'trả hàng/hoàn tiền', 'hoàn tiền', 'trả hàng',
    'คืนเงินแล้ว', 'คืนเงิน', 'คืนสินค้า', 'คืนเงิน/คืนสินค้า',
  ],
};

const STATUS_BY_KEY = new Map<string, OrderStatus>(
  (Object.entries(STATUS_WORDS) as [OrderStatus, string[]][]).flatMap(([status, words]) => words.map((w) => [statusKey(w), status] as const)),
);

/** Our status for a word a file uses; undefined when it is none we know. */
export function statusFromWord(word: string): OrderStatus | undefined {
  return STATUS_BY_KEY.get(statusKey(word));
}
