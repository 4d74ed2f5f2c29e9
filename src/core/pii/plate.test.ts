import { describe, expect, it } from 'vitest';
import { values } from './test-helpers.ts';

describe('licence plate recogniser', () => {
  it('finds mainland plates, with a separator, new-energy and lower-case forms', () => {
    expect(values('车牌粤B12345停在门口', 'LICENSE_PLATE')).toEqual(['粤B12345']);
    expect(values('京A·8K8B8', 'LICENSE_PLATE')).toEqual(['京A·8K8B8']);
    expect(values('新能源沪AD12345', 'LICENSE_PLATE')).toEqual(['沪AD12345']);
    expect(values('车牌粤b64034', 'LICENSE_PLATE')).toEqual(['粤b64034']);
  });

  it('does not match a province character followed by ordinary text', () => {
    expect(values('北京A座12楼', 'LICENSE_PLATE')).toEqual([]);
    expect(values('京东订单', 'LICENSE_PLATE')).toEqual([]);
  });

  it('finds other plates only after a plate word', () => {
    expect(values('License plate number 6TRJ244, silver Camry.', 'LICENSE_PLATE')).toEqual(['6TRJ244']);
    expect(values('Model 6TRJ244 is out of stock.', 'LICENSE_PLATE')).toEqual([]);
  });
});
