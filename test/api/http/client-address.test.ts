import { describe, expect, it } from 'vitest';
import { clientNetwork } from '../../../api/http/client-address.js';

describe('clientNetwork', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:aa:bb::1', '2001:db8:aa:bb::/64'],
    ['2001:0db8:00aa:00bb:ffff:1:2:3', '2001:db8:aa:bb::/64'],
    ['2001:DB8:AA:BB:0:0:0:9', '2001:db8:aa:bb::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  it('puts every address of one /64 in one network, and the next /64 in another', () => {
    const networks = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2:abcd::'].map(clientNetwork);
    expect(new Set(networks).size).toBe(1);
    expect(clientNetwork('2001:db8:1:3::1')).not.toBe(networks[0]);
  });
});
